using Microsoft.Extensions.DependencyInjection;
using Okr.Core;
using Okr.Core.Events;
using Okr.Core.Persistence;
using Okr.Core.Validation;
using OneOf;

namespace Okr.Extensions.DependencyInjection.Tests;

public class OkrServiceCollectionExtensionsTests
{
    private static ServiceProvider Build(IServiceCollection services) => services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });

    [Fact]
    public void AddOkr_NullServices_Throws()
        => Assert.Throws<ArgumentNullException>(() => OkrServiceCollectionExtensions.AddOkr(null!));

    [Fact]
    public void AddOkr_ReturnsTheSameCollectionForChaining()
    {
        var services = new ServiceCollection();
        Assert.Same(services, services.AddOkr());
        Assert.Same(services, services.AddOkrRule<AcmeRule>());
        Assert.Same(services, services.AddOkrEventSink<CountingSink>());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AddOkr_ScopedSink_ResolvingTheWorkflowSaysWhyAndWhatToDo(bool validateScopes)
    {
        // With scope validation (ASP.NET Core in Development) the container's own message does not say why; without it
        // (Production) one scoped sink would silently serve every request. Either way: a clear refusal.
        var services = new ServiceCollection().AddOkr();
        services.AddScoped<IOkrEventSink, CountingSink>();
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = validateScopes });

        var ex = Assert.Throws<InvalidOperationException>(provider.GetRequiredService<CheckInWorkflow>);

        Assert.StartsWith("The IOkrEventSink 'CountingSink' is registered as scoped, but CheckInWorkflow is a singleton", ex.Message, StringComparison.Ordinal);
        Assert.Contains("IServiceScopeFactory", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddOkr_ScopedRepositoryReplacedByASingleton_IsNotHeldAgainstIt()
    {
        // Only the last repository registration is resolved; an earlier scoped one is never used.
        var services = new ServiceCollection();
        services.AddScoped<IOkrSetRepository, InMemoryOkrSetRepository>();
        services.AddSingleton<IOkrSetRepository, InMemoryOkrSetRepository>();
        services.AddOkr();
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });

        Assert.IsType<InMemoryOkrSetRepository>(provider.GetRequiredService<CheckInWorkflow>().Repository);
    }

    [Fact]
    public void AddOkr_ScopedRepository_ResolvingTheWorkflowThrows()
    {
        var services = new ServiceCollection();
        services.AddScoped<IOkrSetRepository, InMemoryOkrSetRepository>();
        services.AddOkr();
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<InvalidOperationException>(provider.GetRequiredService<CheckInWorkflow>);

        Assert.StartsWith("The IOkrSetRepository 'InMemoryOkrSetRepository' is registered as scoped", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddOkr_ScopedRuleFromAFactory_ResolvingTheValidatorThrows()
    {
        var services = new ServiceCollection().AddOkr();
        services.AddScoped<IOkrRule>(_ => new AcmeRule());
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<InvalidOperationException>(provider.GetRequiredService<OkrValidator>);

        Assert.StartsWith("The IOkrRule made by a factory is registered as scoped, but OkrValidator is a singleton", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(typeof(TimeProvider))]
    [InlineData(typeof(IOkrSetRepository))]
    [InlineData(typeof(OkrValidator))]
    [InlineData(typeof(CheckInWorkflow))]
    [InlineData(typeof(OkrEvaluator))]
    [InlineData(typeof(OkrOptions))]
    public void AddOkr_RegistersSingletons(Type serviceType)
    {
        var descriptor = Assert.Single(new ServiceCollection().AddOkr(), d => d.ServiceType == serviceType);
        Assert.Equal(ServiceLifetime.Singleton, descriptor.Lifetime);
    }

    [Fact]
    public void AddOkr_Defaults_SystemClockInMemoryRepositoryDefaultRules()
    {
        using var provider = Build(new ServiceCollection().AddOkr());
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
        Assert.IsType<InMemoryOkrSetRepository>(provider.GetRequiredService<IOkrSetRepository>());
        Assert.Equal(OkrValidator.DefaultRules.Select(r => r.Descriptor.Code), provider.GetRequiredService<OkrValidator>().Catalogue.Select(d => d.Code));
    }

    [Fact]
    public void AddOkr_ResolvesTheSameWorkflowEveryTimeAndInScopes()
    {
        using var provider = Build(new ServiceCollection().AddOkr());
        var workflow = provider.GetRequiredService<CheckInWorkflow>();
        using var scope = provider.CreateScope();
        Assert.Same(workflow, scope.ServiceProvider.GetRequiredService<CheckInWorkflow>());
        Assert.Same(provider.GetRequiredService<IOkrSetRepository>(), workflow.Repository);
    }

    [Fact]
    public void AddOkr_HostTimeProviderRegisteredBefore_Wins()
    {
        var clock = new FixedClock();
        using var provider = Build(new ServiceCollection().AddSingleton<TimeProvider>(clock).AddOkr());
        Assert.Same(clock, provider.GetRequiredService<TimeProvider>());
        Assert.Equal(new DateOnly(2026, 11, 15), provider.GetRequiredService<CheckInWorkflow>().Today());
    }

    [Fact]
    public void AddOkr_HostRepositoryRegisteredBefore_Wins()
    {
        var repository = new InMemoryOkrSetRepository();
        using var provider = Build(new ServiceCollection().AddSingleton<IOkrSetRepository>(repository).AddOkr());
        Assert.Same(repository, provider.GetRequiredService<IOkrSetRepository>());
        Assert.Same(repository, provider.GetRequiredService<CheckInWorkflow>().Repository);
        Assert.Single(new ServiceCollection().AddSingleton<IOkrSetRepository>(repository).AddOkr(), d => d.ServiceType == typeof(IOkrSetRepository));
    }

    [Fact]
    public void AddOkr_HostValidatorRegisteredBefore_Wins()
    {
        var validator = new OkrValidator([new AcmeRule()]);
        using var provider = Build(new ServiceCollection().AddSingleton(validator).AddOkr());
        Assert.Same(validator, provider.GetRequiredService<OkrValidator>());
    }

    [Fact]
    public void AddOkr_CalledTwice_RegistersNothingTwice()
    {
        var once = new ServiceCollection().AddOkr();
        var twice = new ServiceCollection().AddOkr().AddOkr(o => o.IncludeDefaultRules = true);
        Assert.Equal(once.Count, twice.Count);
        Assert.Equal(once.Select(d => d.ServiceType), twice.Select(d => d.ServiceType));
    }

    [Fact]
    public void AddOkr_CalledTwice_ConfiguresTheSameOptions()
    {
        var services = new ServiceCollection().AddOkr(o => o.Rules.Add(new AcmeRule())).AddOkr(o => o.IncludeDefaultRules = false);
        using var provider = Build(services);
        Assert.Equal(["ACME001"], provider.GetRequiredService<OkrValidator>().Catalogue.Select(d => d.Code));
    }

    [Fact]
    public void AddOkrRule_AddsHostRuleToTheValidatorOnce()
    {
        using var provider = Build(new ServiceCollection().AddOkrRule<AcmeRule>().AddOkr().AddOkrRule<AcmeRule>());
        var codes = provider.GetRequiredService<OkrValidator>().Catalogue.Select(d => d.Code).ToArray();
        Assert.Single(codes, c => c == "ACME001");
        Assert.Contains("OKR204", codes);
    }

    [Fact]
    public void AddOkrRule_RuleRunsOnValidation()
    {
        using var provider = Build(new ServiceCollection().AddOkr().AddOkrRule<AcmeRule>());
        var set = new OkrSet([Period.Quarter(2026, 4)], [new Owner("acme")], [new Objective("o1", "Untitled", "acme", "2026-Q4")]);
        var report = provider.GetRequiredService<OkrValidator>().Validate(set.Evaluate(new DateOnly(2026, 11, 15)));
        Assert.Contains(report.Findings, f => f.Code == "ACME001" && f.Subject == "o1");
    }

    [Fact]
    public void AddOkrEventSink_Twice_RegisteredOnceAsSingleton()
    {
        var services = new ServiceCollection().AddOkrEventSink<CountingSink>().AddOkrEventSink<CountingSink>().AddOkrEventSink<OtherSink>();
        Assert.Equal(2, services.Count(d => d.ServiceType == typeof(IOkrEventSink)));
        Assert.All(services.Where(d => d.ServiceType == typeof(IOkrEventSink)), d => Assert.Equal(ServiceLifetime.Singleton, d.Lifetime));
    }

    [Fact]
    public async Task ResolvedWorkflow_PublishesToEveryRegisteredSink()
    {
        using var provider = Build(new ServiceCollection().AddSingleton<TimeProvider>(new FixedClock()).AddOkr().AddOkrEventSink<CountingSink>().AddOkrEventSink<OtherSink>());
        var workflow = provider.GetRequiredService<CheckInWorkflow>();
        var set = new OkrSet(
            [Period.Quarter(2026, 4)],
            [new Owner("acme")],
            [new Objective("o1", "Grow", "acme", "2026-Q4", [KeyResult.Create("kr1", "Orders", KeyResultDefinition.Increase(0, 10))])]);
        await workflow.CreateSetAsync("t1", "s1", set, OkrLifecycle.AllActive(set));
        var outcome = (await workflow.RecordCheckInAsync("t1", "s1", "kr1", new CheckIn(new DateOnly(2026, 11, 1), 5))).AsT0;

        var sinks = provider.GetServices<IOkrEventSink>().ToArray();
        Assert.Equal(outcome.Events.Count, Assert.IsType<CountingSink>(sinks[0]).Count);
        Assert.Equal(outcome.Events.Count, Assert.IsType<OtherSink>(sinks[1]).Count);
    }

    [Fact]
    public void AddOkrRuleAndSink_NullServices_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => OkrServiceCollectionExtensions.AddOkrRule<AcmeRule>(null!));
        Assert.Throws<ArgumentNullException>(() => OkrServiceCollectionExtensions.AddOkrEventSink<CountingSink>(null!));
    }

    [Fact]
    public void AddOkr_HostRegistersAnotherRepositoryAfter_LastRegistrationIsResolved()
    {
        // TryAdd keeps earlier host registrations; a host that registers later replaces by the container's usual "last wins".
        using var provider = Build(new ServiceCollection().AddOkr().AddSingleton<IOkrSetRepository, OtherRepository>());
        Assert.IsType<OtherRepository>(provider.GetRequiredService<IOkrSetRepository>());
    }

    private sealed class FixedClock : TimeProvider
    {
        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

        public override DateTimeOffset GetUtcNow() => new(2026, 11, 15, 12, 0, 0, TimeSpan.Zero);
    }

    private sealed class AcmeRule : IOkrRule
    {
        public OkrRuleDescriptor Descriptor { get; } = new("ACME001", "Objective title is a placeholder", OkrSeverity.Warning, "Rename objectives called 'Untitled'.", "Names matter.");

        public void Check(OkrRuleContext context, RuleReporter report)
        {
            foreach (var objective in context.Set.Objectives.Where(o => o.Title == "Untitled"))
            {
                report(objective.Id, $"Objective '{objective.Id}' is still called 'Untitled': give it a real title.");
            }
        }
    }

    private sealed class CountingSink : IOkrEventSink
    {
        private int _count;

        public int Count => _count;

        public Task HandleAsync(OkrEvent okrEvent, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return Task.CompletedTask;
        }
    }

    private sealed class OtherSink : IOkrEventSink
    {
        private int _count;

        public int Count => _count;

        public Task HandleAsync(OkrEvent okrEvent, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return Task.CompletedTask;
        }
    }

    private sealed class OtherRepository : IOkrSetRepository
    {
        private readonly InMemoryOkrSetRepository _inner = new();

        public Task<StoredOkrSet?> GetAsync(string tenantId, string setId, CancellationToken cancellationToken = default) => _inner.GetAsync(tenantId, setId, cancellationToken);

        public Task<OneOf<SavedOkrSet, OkrErrors>> SaveAsync(string tenantId, string setId, OkrSet set, OkrLifecycle lifecycle, long expectedVersion, IReadOnlyList<OkrEvent> events, CancellationToken cancellationToken = default)
            => _inner.SaveAsync(tenantId, setId, set, lifecycle, expectedVersion, events, cancellationToken);

        public Task<IReadOnlyList<OutboxEntry>> GetPendingEventsAsync(long afterId, int maxCount, CancellationToken cancellationToken = default) => _inner.GetPendingEventsAsync(afterId, maxCount, cancellationToken);

        public Task MarkDeliveredAsync(long entryId, CancellationToken cancellationToken = default) => _inner.MarkDeliveredAsync(entryId, cancellationToken);
    }

    [Fact]
    public void AddOkr_Evaluator_UsesTheHostClockAndTheRegisteredValidator()
    {
        var clock = new FixedClock();
        using var provider = Build(new ServiceCollection().AddSingleton<TimeProvider>(clock).AddOkr().AddOkrRule<AcmeRule>());

        var evaluator = provider.GetRequiredService<OkrEvaluator>();

        Assert.Equal(new DateOnly(2026, 11, 15), evaluator.Today);
        Assert.Same(provider.GetRequiredService<OkrValidator>(), evaluator.Validator);
    }

    [Fact]
    public void AddOkr_Evaluator_ScoresAsOfTodayByTheHostClock()
    {
        var clock = new FixedClock();
        using var provider = Build(new ServiceCollection().AddSingleton<TimeProvider>(clock).AddOkr());
        var q4 = Period.Quarter(2026, 4);
        var kr = KeyResult.Create("kr", "Raise NPS from 31 to 45", KeyResultDefinition.Increase(31, 45), checkIns: [new CheckIn(new DateOnly(2026, 10, 8), 33)]);
        var set = new OkrSet([q4], [new Owner("team")], [new Objective("o", "Delight users", "team", q4.Id, [kr])]);

        var evaluation = provider.GetRequiredService<OkrEvaluator>().TryEvaluate(set).AsT0;

        Assert.Equal(new DateOnly(2026, 11, 15), evaluation.AsOf);
        Assert.Equal(0.14285714285714285, evaluation.ScoreOf("o"));
    }
}
