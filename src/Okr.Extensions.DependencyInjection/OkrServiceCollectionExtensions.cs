using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Okr.Core;
using Okr.Core.Events;
using Okr.Core.Persistence;
using Okr.Core.Validation;

namespace Okr.Extensions.DependencyInjection;

/// <summary>Registers Okr.Core services with a <see cref="IServiceCollection"/>.</summary>
public static class OkrServiceCollectionExtensions
{
    /// <summary>
    /// Registers, as singletons and only where the host has not registered its own (<c>TryAdd</c>):
    /// <see cref="TimeProvider"/> (<see cref="TimeProvider.System"/>), <see cref="IOkrSetRepository"/>
    /// (<see cref="InMemoryOkrSetRepository"/>), <see cref="OkrValidator"/> (the default rules, <see cref="OkrOptions.Rules"/>
    /// and every <see cref="IOkrRule"/> service), <see cref="OkrEvaluator"/> (that validator and clock) and <see cref="CheckInWorkflow"/> (with every <see cref="IOkrEventSink"/>
    /// service). Safe to call more than once: later calls only run <paramref name="configure"/> on the same options.
    /// Sinks, rules and the repository are kept by these singletons, so they must be singletons (thread-safe) too:
    /// resolving the workflow or the validator throws <see cref="InvalidOperationException"/> naming one registered as scoped.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the options, or null.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddOkr(this IServiceCollection services, Action<OkrOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.FirstOrDefault(d => d.ServiceType == typeof(OkrOptions) && !d.IsKeyedService)?.ImplementationInstance as OkrOptions;
        if (options is null)
        {
            options = new OkrOptions();
            services.TryAddSingleton(options);
        }

        configure?.Invoke(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IOkrSetRepository, InMemoryOkrSetRepository>();
        services.TryAddSingleton(provider =>
        {
            ThrowIfScoped(services, typeof(IOkrRule), nameof(OkrValidator));
            var okrOptions = provider.GetRequiredService<OkrOptions>();
            var rules = (okrOptions.IncludeDefaultRules ? OkrValidator.DefaultRules : [])
                .Concat(okrOptions.Rules)
                .Concat(provider.GetServices<IOkrRule>())
                .Distinct();
            return new OkrValidator(rules);
        });
        services.TryAddSingleton(static provider => new OkrEvaluator(
            provider.GetRequiredService<OkrValidator>(),
            provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(provider =>
        {
            ThrowIfScoped(services, typeof(IOkrEventSink), nameof(CheckInWorkflow));
            ThrowIfScoped(services, typeof(IOkrSetRepository), nameof(CheckInWorkflow), onlyTheLast: true);
            return new CheckInWorkflow(
                provider.GetRequiredService<IOkrSetRepository>(),
                provider.GetServices<IOkrEventSink>(),
                provider.GetRequiredService<TimeProvider>());
        });
        return services;
    }

    /// <summary>
    /// The workflow and the validator are singletons that keep what they are given for the life of the app, so a scoped
    /// sink, rule or repository would be one instance shared by every request and thread (a captive DbContext, say), or
    /// refused by scope validation with a message that does not say why. This says why, and what to do instead.
    /// </summary>
    /// <param name="services">The registrations.</param>
    /// <param name="serviceType">The service the consumer keeps.</param>
    /// <param name="consumer">The singleton that keeps it, as the message names it.</param>
    /// <param name="onlyTheLast">Whether the consumer resolves one service (the last registration wins) rather than all of them.</param>
    private static void ThrowIfScoped(IServiceCollection services, Type serviceType, string consumer, bool onlyTheLast = false)
    {
        var registrations = services.Where(d => d.ServiceType == serviceType && !d.IsKeyedService);
        var scoped = (onlyTheLast ? registrations.TakeLast(1) : registrations).FirstOrDefault(d => d.Lifetime == ServiceLifetime.Scoped);
        if (scoped is not null)
        {
            var implementation = scoped.ImplementationType is { } type ? $"'{type.Name}'" : "made by a factory";
            throw new InvalidOperationException(
                $"The {serviceType.Name} {implementation} is registered as scoped, but {consumer} is a singleton that keeps it for the life of the app, "
                + $"so one instance would serve every request and thread. Register it as a singleton (AddOkrEventSink<T>(), AddOkrRule<T>() or AddSingleton) "
                + "and let it create a scope (IServiceScopeFactory) for each call that needs scoped services such as a DbContext.");
        }
    }

    /// <summary>Adds quality rule <typeparamref name="TRule"/> as a singleton <see cref="IOkrRule"/> (once, however often called).</summary>
    /// <typeparam name="TRule">The rule type.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddOkrRule<TRule>(this IServiceCollection services)
        where TRule : class, IOkrRule
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOkrRule, TRule>());
        return services;
    }

    /// <summary>Adds event sink <typeparamref name="TSink"/> as a singleton <see cref="IOkrEventSink"/> (once, however often called).</summary>
    /// <typeparam name="TSink">The sink type.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddOkrEventSink<TSink>(this IServiceCollection services)
        where TSink : class, IOkrEventSink
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOkrEventSink, TSink>());
        return services;
    }
}
