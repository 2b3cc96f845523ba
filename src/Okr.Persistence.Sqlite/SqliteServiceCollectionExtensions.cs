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
    /// (calling it again replaces the previous SQLite registration: the last connection string wins). A connection string
    /// the repository refuses throws here, at registration. The container creates the repository and disposes it with
    /// itself, which closes its pooled connections.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string, e.g. <c>Data Source=okr.db</c>.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddOkrSqlite(this IServiceCollection services, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        SqliteOkrSetRepository.Parse(connectionString); // refused now rather than at the first resolve
        return services.AddOkrSqlite(_ => connectionString);
    }

    /// <summary>
    /// As <see cref="AddOkrSqlite(IServiceCollection, string)"/>, with the connection string read from the container when the
    /// repository is first resolved, e.g. from configuration:
    /// <c>services.AddOkrSqlite(sp =&gt; sp.GetRequiredService&lt;IConfiguration&gt;().GetConnectionString("okr")!)</c>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="connectionString">Gives the Microsoft.Data.Sqlite connection string.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddOkrSqlite(this IServiceCollection services, Func<IServiceProvider, string> connectionString)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(connectionString);
        services.AddOkr();
        services.RemoveAll<SqliteOkrSetRepository>();
        services.RemoveAll<IOkrSetRepository>();
        services.AddSingleton(provider => new SqliteOkrSetRepository(connectionString(provider)));
        services.AddSingleton<IOkrSetRepository>(static provider => provider.GetRequiredService<SqliteOkrSetRepository>());
        return services;
    }
}
