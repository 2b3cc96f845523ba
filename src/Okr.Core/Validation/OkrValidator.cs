using System.Runtime.ExceptionServices;
using Ardalis.GuardClauses;
using Okr.Core.Validation.Rules;

namespace Okr.Core.Validation;

/// <summary>
/// Runs quality rules (OKR101-OKR207 by default, plus any host rules) over an evaluation and applies severities:
/// first the set's <see cref="OkrSettings.Rules"/>, then the rule's default. Stateless and thread-safe.
/// </summary>
public sealed class OkrValidator
{
    private readonly IOkrRule[] _rules;

    /// <summary>A validator running <paramref name="rules"/>.</summary>
    /// <param name="rules">The rules (e.g. <see cref="DefaultRules"/> plus host rules).</param>
    public OkrValidator(IEnumerable<IOkrRule> rules)
    {
        _rules = [.. Guard.Against.Null(rules)];
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in _rules)
        {
            Guard.Against.Null(rule, nameof(rules));
            var code = Guard.Against.Null(rule.Descriptor, nameof(rules)).Code;
            if (IsReserved(code))
            {
                throw new ArgumentException(
                    $"Rule {rule.GetType().Name} has the code '{code}', which is reserved: OKR001-OKR099 are the document's own errors and OKR301-OKR399 the workflow's. Give a host rule a prefix of its own (e.g. ACME001).",
                    nameof(rules));
            }

            if (!codes.Add(code))
            {
                throw new ArgumentException($"Two rules share the code '{code}'.", nameof(rules));
            }
        }
    }

    /// <summary>Codes a rule may not have: findings under them are always errors of another kind (spec section 7).</summary>
    private static bool IsReserved(string code) => code.StartsWith("OKR0", StringComparison.OrdinalIgnoreCase) || code.StartsWith("OKR3", StringComparison.OrdinalIgnoreCase);

    /// <summary>The built-in rules OKR101-OKR109 and OKR201-OKR207.</summary>
    public static IReadOnlyList<IOkrRule> DefaultRules { get; } =
    [
        new TooManyObjectivesRule(), new NoKeyResultsRule(), new TooFewKeyResultsRule(), new TooManyKeyResultsRule(),
        new UnalignedObjectiveRule(), new AlignmentTooDeepRule(), new PeriodMismatchRule(), new IgnoredKeyResultsRule(),
        new CheckInOutsidePeriodRule(), new QuantitativeObjectiveRule(), new VagueComparatorRule(), new OutputKeyResultRule(),
        new StaleKeyResultRule(), new CommittedMissedRule(), new SafeTargetsRule(), new DuplicateTitleRule(),
    ];

    /// <summary>A validator with <see cref="DefaultRules"/>.</summary>
    public static OkrValidator Default { get; } = new(DefaultRules);

    /// <summary>The rules this validator runs, for a catalogue.</summary>
    public IReadOnlyList<OkrRuleDescriptor> Catalogue => _rules.Select(r => r.Descriptor).ToArray();

    /// <summary>Returns a validator with <paramref name="rules"/> added (codes must be new).</summary>
    /// <param name="rules">Host rules.</param>
    public OkrValidator With(params IOkrRule[] rules) => new(_rules.Concat(Guard.Against.Null(rules)));

    /// <summary>Runs every rule on <paramref name="evaluation"/>.</summary>
    /// <param name="evaluation">An evaluation as of a day.</param>
    public ValidationReport Validate(OkrEvaluation evaluation)
    {
        Guard.Against.Null(evaluation);
        var context = new OkrRuleContext(evaluation);
        var findings = new List<OkrDiagnostic>();
        foreach (var rule in _rules)
        {
            Check(rule, context, findings);
        }

        return new ValidationReport(ValueArray.From(findings));
    }

    /// <summary>
    /// A run of the rules that threads join when they are free, for a caller with work of its own on one of them (the
    /// <c>okr</c> command writes the objectives meanwhile). Internal, and only for the built-in rules: rules that share
    /// a run check one context side by side, which the built-in rules may (they read the evaluation and keep no
    /// state), while a host's rules are not assumed to.
    /// </summary>
    /// <param name="evaluation">An evaluation as of a day.</param>
    /// <exception cref="InvalidOperationException">This validator has rules other than the built-in ones.</exception>
    internal SharedRun Share(OkrEvaluation evaluation)
    {
        Guard.Against.Null(evaluation);
        if (!_rules.All(DefaultRules.Contains))
        {
            throw new InvalidOperationException("Only the built-in rules may share a run: a host's rules are not assumed to be safe side by side.");
        }

        return new SharedRun(this, evaluation);
    }

    /// <summary>Runs <paramref name="rule"/> at its severity under the context's settings, unless it is off, adding its findings.</summary>
    private static void Check(IOkrRule rule, OkrRuleContext context, List<OkrDiagnostic> findings)
    {
        if (SeverityOf(rule.Descriptor, context.Settings) is { } effective)
        {
            try
            {
                rule.Check(context, (subject, message) => findings.Add(new OkrDiagnostic(rule.Descriptor.Code, effective, subject, message)));
            }
            catch (Exception thrown) when (thrown is not OperationCanceledException)
            {
                // A rule's own bug: say which rule, so a host with several can find it.
                throw new InvalidOperationException($"Rule {rule.Descriptor.Code} ({rule.GetType().Name}) threw while checking the set: {thrown.Message}", thrown);
            }
        }
    }

    /// <summary>
    /// The rules of one validation, shared by the threads that <see cref="Join"/> it: each takes the next rule until
    /// none is left and keeps that rule's findings (or what it threw) apart, so <see cref="Findings"/> lists them in
    /// rule order, as <see cref="Validate"/> does, however the rules were shared.
    /// </summary>
    internal sealed class SharedRun(OkrValidator validator, OkrEvaluation evaluation)
    {
        private readonly Lazy<OkrRuleContext> _context = new(() => new OkrRuleContext(evaluation), LazyThreadSafetyMode.ExecutionAndPublication);
        private readonly List<OkrDiagnostic>?[] _found = new List<OkrDiagnostic>?[validator._rules.Length];
        private readonly ExceptionDispatchInfo?[] _failed = new ExceptionDispatchInfo?[validator._rules.Length];
        private int _taken;

        /// <summary>
        /// Runs rules until none is left to take (the first of them to need the rules' context builds it). Throws
        /// nothing: a rule's exception is kept for <see cref="Findings"/>, so no thread stops early and none is left
        /// running when the caller collects the findings.
        /// </summary>
        public void Join()
        {
            int next;
            while ((next = Interlocked.Increment(ref _taken) - 1) < _found.Length)
            {
                try
                {
                    var findings = new List<OkrDiagnostic>();
                    Check(validator._rules[next], _context.Value, findings);
                    _found[next] = findings;
                }
                catch (Exception thrown)
                {
                    _failed[next] = ExceptionDispatchInfo.Capture(thrown);
                }
            }
        }

        /// <summary>
        /// Every rule's findings in rule order, once every thread that joined has returned; rethrows what the first rule
        /// in rule order threw, as <see cref="Validate"/> would have.
        /// </summary>
        /// <exception cref="InvalidOperationException">A rule has not been run yet.</exception>
        public ValueArray<OkrDiagnostic> Findings()
        {
            var all = new List<OkrDiagnostic>();
            for (var rule = 0; rule < _found.Length; rule++)
            {
                _failed[rule]?.Throw();
                all.AddRange(_found[rule] ?? throw new InvalidOperationException("The findings were asked for before every rule had run: join the run and wait for every thread that joined it."));
            }

            return ValueArray.From(all);
        }
    }

    /// <summary>
    /// Whether a finding of these rules can be an error under <paramref name="settings"/> (only through a severity
    /// override: every built-in rule defaults to warning or info). When not, a caller knows before running the rules
    /// that they cannot give the document errors, so it can report the objectives while they run.
    /// </summary>
    internal bool MayReportErrors(OkrSettings settings)
        => _rules.Any(rule => SeverityOf(rule.Descriptor, settings) == OkrSeverity.Error);

    /// <summary>The severity <paramref name="rule"/> runs at under <paramref name="settings"/>, or null when it is off.</summary>
    /// <param name="rule">The rule.</param>
    /// <param name="settings">The settings.</param>
    public static OkrSeverity? SeverityOf(OkrRuleDescriptor rule, OkrSettings settings)
    {
        Guard.Against.Null(rule);
        Guard.Against.Null(settings);
        return settings.SeverityOverride(rule.Code) switch
        {
            RuleSeverity.Off => null,
            RuleSeverity.Info => OkrSeverity.Info,
            RuleSeverity.Warning => OkrSeverity.Warning,
            RuleSeverity.Error => OkrSeverity.Error,
            _ => rule.DefaultSeverity,
        };
    }
}
