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
            if (!codes.Add(rule.Descriptor.Code))
            {
                throw new ArgumentException($"Two rules share the code '{rule.Descriptor.Code}'.", nameof(rules));
            }
        }
    }

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
            var severity = SeverityOf(rule.Descriptor, evaluation.Settings);
            if (severity is not { } effective)
            {
                continue;
            }

            rule.Check(context, (subject, message) => findings.Add(new OkrDiagnostic(rule.Descriptor.Code, effective, subject, message)));
        }

        return new ValidationReport(ValueArray.From(findings));
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
