using Microsoft.Extensions.DependencyInjection;
using Okr.Core.Persistence;
using Okr.Extensions.DependencyInjection;

namespace Okr.Persistence.Sqlite.Tests;

public sealed class SqliteServiceCollectionExtensionsTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public void AddOkrSqlite_AfterAddOkr_ReplacesTheInMemoryRepository()
    {
        using var provider = new ServiceCollection().AddOkr().AddOkrSqlite(_db.ConnectionString).BuildServiceProvider(validateScopes: true);
        var repository = Assert.IsType<SqliteOkrSetRepository>(provider.GetRequiredService<IOkrSetRepository>());
        Assert.Same(repository, provider.GetRequiredService<SqliteOkrSetRepository>());
        Assert.Same(repository, provider.GetRequiredService<CheckInWorkflow>().Repository);
    }

    [Fact]
    public void AddOkrSqlite_BeforeAddOkr_StaysTheRepository()
    {
        using var provider = new ServiceCollection().AddOkrSqlite(_db.ConnectionString).AddOkr().BuildServiceProvider();
        Assert.IsType<SqliteOkrSetRepository>(provider.GetRequiredService<IOkrSetRepository>());
    }

    [Fact]
    public void AddOkrSqlite_Twice_LastConnectionStringWinsAndNothingIsDoubled()
    {
        var other = Path.Combine(_db.Folder, "other.db");
        var services = new ServiceCollection().AddOkrSqlite(_db.ConnectionString).AddOkrSqlite($"Data Source={other}");
        Assert.Single(services, d => d.ServiceType == typeof(IOkrSetRepository));
        Assert.Single(services, d => d.ServiceType == typeof(SqliteOkrSetRepository));
        using var provider = services.BuildServiceProvider();
        Assert.Equal(other, provider.GetRequiredService<SqliteOkrSetRepository>().DataSource);
    }

    [Fact]
    public void AddOkrSqlite_GuardsArguments()
    {
        Assert.Throws<ArgumentNullException>(() => SqliteServiceCollectionExtensions.AddOkrSqlite(null!, "Data Source=x.db"));
        Assert.Throws<ArgumentException>(() => new ServiceCollection().AddOkrSqlite(" "));
    }
}
