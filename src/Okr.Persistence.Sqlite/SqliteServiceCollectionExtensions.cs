using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Okr.Core.Persistence;
using Okr.Extensions.DependencyInjection;

namespace Okr.Persistence.Sqlite;

/// <summary>Registers the SQLite store with a <see cref="IServiceCollection"/>.</summary>
public static class SqliteServiceCollectionExtensions
{
    /// <summary>
    /// Calls <see cref="OkrServiceCollectionExtensions.AddOkr"/> and makes a singleton <see cref="SqliteOkrSetRepository"/> over
    /// <paramref name="connectionString"/> the <see cref="IOkrSetRepository"/>, replacing any repository registered before
    /// (calling it again replaces the previous SQLite registration: the last connection string wins).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string, e.g. <c>Data Source=okr.db</c>.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddOkrSqlite(this IServiceCollection services, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var repository = new SqliteOkrSetRepository(connectionString);
        services.AddOkr();
        services.RemoveAll<SqliteOkrSetRepository>();
        services.RemoveAll<IOkrSetRepository>();
        services.AddSingleton(repository);
        services.AddSingleton<IOkrSetRepository>(static provider => provider.GetRequiredService<SqliteOkrSetRepository>());
        return services;
    }
}
