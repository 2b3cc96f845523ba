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
    public async Task AddOkrSqlite_ConnectionStringFromTheContainer_IsReadAtFirstResolve()
    {
        var services = new ServiceCollection().AddSingleton(new HostSettings(_db.ConnectionString));
        services.AddOkrSqlite(provider => provider.GetRequiredService<HostSettings>().OkrDatabase);
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });

        var workflow = provider.GetRequiredService<CheckInWorkflow>();
        await workflow.CreateSetAsync("acme", "2026", Data.Wide());

        Assert.Equal(_db.FilePath, provider.GetRequiredService<SqliteOkrSetRepository>().DataSource);
        Assert.Equal(1, _db.Scalar("SELECT COUNT(*) FROM okr_sets"));
    }

    [Fact]
    public async Task DisposingTheContainer_DisposesTheRepository_AndLeavesTheFileComplete()
    {
        var provider = new ServiceCollection().AddOkrSqlite(_db.ConnectionString).BuildServiceProvider();
        var repository = provider.GetRequiredService<SqliteOkrSetRepository>();
        await repository.SaveAsync("acme", "2026", Data.Wide(), OkrLifecycle.Empty, 0, []);

        await provider.DisposeAsync();

        Assert.False(File.Exists(_db.FilePath + "-wal"));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => repository.GetAsync("acme", "2026"));
        Assert.Equal(1, (await _db.NewRepository().GetAsync("acme", "2026"))!.Version);
    }

    [Fact]
    public void AddOkrSqlite_RefusedConnectionString_ThrowsAtRegistration()
        => Assert.Throws<ArgumentException>(() => new ServiceCollection().AddOkrSqlite("Data Source=:memory:"));

    [Fact]
    public void AddOkrSqlite_GuardsArguments()
    {
        Assert.Throws<ArgumentNullException>(() => SqliteServiceCollectionExtensions.AddOkrSqlite(null!, "Data Source=x.db"));
        Assert.Throws<ArgumentException>(() => new ServiceCollection().AddOkrSqlite(" "));
    }
}

/// <summary>A host's own settings object, as configuration binding would give it.</summary>
public sealed record HostSettings(string OkrDatabase);
