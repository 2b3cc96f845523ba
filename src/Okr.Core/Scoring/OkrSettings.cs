using System.Globalization;
using System.Collections.Frozen;
using OneOf;

namespace Okr.Core;

/// <summary>How an objective's status is decided once it is scored and under way.</summary>
public enum ObjectiveStatusMode
{
    /// <summary>By its own score against the expected pace (the default).</summary>
    Pace = 0,

    /// <summary>The worst status among its counted items.</summary>
    Worst = 1,
}

/// <summary>A configured severity for a quality rule.</summary>
public enum RuleSeverity
{
    /// <summary>The rule does not run.</summary>
    Off = 0,

    /// <summary>Findings are informational.</summary>
    Info = 1,

    /// <summary>Findings are warnings.</summary>
    Warning = 2,

    /// <summary>Findings are errors (the document "has errors").</summary>
    Error = 3,
}

/// <summary>Limits the quality rules check against (spec section 7).</summary>
/// <param name="MaxObjectivesPerOwner">OKR101: most objectives an owner should have in one period (default 5).</param>
/// <param name="MinKeyResults">OKR103: fewest key results an objective with key results should have (default 2).</param>
/// <param name="MaxKeyResults">OKR104: most key results per objective (default 5).</param>
/// <param name="MaxDepth">OKR106: longest alignment chain, in links (default 10).</param>
public sealed record QualityLimits(int MaxObjectivesPerOwner = 5, int MinKeyResults = 2, int MaxKeyResults = 5, int MaxDepth = 10)
{
    /// <summary>OKR101: most objectives an owner should have in one period (default 5).</summary>
    public int MaxObjectivesPerOwner { get; } = MaxObjectivesPerOwner;

    /// <summary>OKR103: fewest key results an objective with key results should have (default 2).</summary>
    public int MinKeyResults { get; } = MinKeyResults;

    /// <summary>OKR104: most key results per objective (default 5).</summary>
    public int MaxKeyResults { get; } = MaxKeyResults;

    /// <summary>OKR106: longest alignment chain, in links (default 10).</summary>
    public int MaxDepth { get; } = MaxDepth;

    /// <summary>The spec's defaults: 5, 2, 5, 10.</summary>
    public static QualityLimits Default { get; } = new();
}

/// <summary>The mutable options from which <see cref="OkrSettings"/> are created (defaults as in the spec).</summary>
public sealed class OkrSettingsOptions
{
    /// <summary>Success target of aspirational objectives, in (0, 1]. Default 0.7.</summary>
    public double AspirationalTarget { get; set; } = 0.7;

    /// <summary>How far below the expected pace a score may be and still be on track. Default 0.15.</summary>
    public double OnTrackGap { get; set; } = 0.15;

    /// <summary>How far below the expected pace a score may be and still be at risk. Default 0.30.</summary>
    public double AtRiskGap { get; set; } = 0.30;

    /// <summary>A key result's on-track status becomes at risk at this confidence or below (0-10). Default 3.</summary>
    public int LowConfidence { get; set; } = 3;

    /// <summary>OKR204: days without a check-in before a key result is stale. Default 14.</summary>
    public int StaleAfterDays { get; set; } = 14;

    /// <summary>How an objective's status is decided. Default <see cref="ObjectiveStatusMode.Pace"/>.</summary>
    public ObjectiveStatusMode ObjectiveStatus { get; set; } = ObjectiveStatusMode.Pace;

    /// <summary>The grading scale. Default red/yellow/green.</summary>
    public GradingScale Scale { get; set; } = GradingScale.Default;

    /// <summary>Limits for the quality rules.</summary>
    public QualityLimits Limits { get; set; } = QualityLimits.Default;

    /// <summary>Severity overrides by rule code (e.g. <c>OKR201</c> -> Off, or a host rule's code).</summary>
    public IDictionary<string, RuleSeverity> Rules { get; } = new Dictionary<string, RuleSeverity>(StringComparer.Ordinal);
}

/// <summary>
/// Scoring and rule settings of an OKR set: success target, status gaps, confidence threshold, grading scale,
/// rule limits and severity overrides. Immutable; create with <see cref="TryCreate"/> or start from <see cref="Default"/>.
/// </summary>
public sealed record OkrSettings
{
    private OkrSettings(OkrSettingsOptions options)
    {
        AspirationalTarget = options.AspirationalTarget;
        OnTrackGap = options.OnTrackGap;
        AtRiskGap = options.AtRiskGap;
        LowConfidence = options.LowConfidence;
        StaleAfterDays = options.StaleAfterDays;
        ObjectiveStatus = options.ObjectiveStatus;
        Scale = options.Scale;
        Limits = options.Limits;
        Rules = ValueArray.From(options.Rules.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => new RuleSeverityOverride(r.Key, r.Value)));
        _ruleLookup = Rules.ToFrozenDictionary(r => r.Code, r => r.Severity, StringComparer.Ordinal);
    }

    private readonly FrozenDictionary<string, RuleSeverity> _ruleLookup;

    /// <summary>The spec's defaults.</summary>
    public static OkrSettings Default { get; } = new(new OkrSettingsOptions());

    /// <summary>Success target of aspirational objectives, in (0, 1].</summary>
    public double AspirationalTarget { get; }

    /// <summary>On-track gap, 0 &lt;= OnTrackGap &lt;= AtRiskGap.</summary>
    public double OnTrackGap { get; }

    /// <summary>At-risk gap, OnTrackGap &lt;= AtRiskGap &lt;= 1.</summary>
    public double AtRiskGap { get; }

    /// <summary>Confidence (0-10) at or below which an on-track key result is at risk.</summary>
    public int LowConfidence { get; }

    /// <summary>Days without a check-in before OKR204 calls a key result stale.</summary>
    public int StaleAfterDays { get; }

    /// <summary>How an objective's status is decided.</summary>
    public ObjectiveStatusMode ObjectiveStatus { get; }

    /// <summary>The grading scale.</summary>
    public GradingScale Scale { get; }

    /// <summary>Limits for the quality rules.</summary>
    public QualityLimits Limits { get; }

    /// <summary>Severity overrides, sorted by code.</summary>
    public ValueArray<RuleSeverityOverride> Rules { get; }

    /// <summary>The success target s* of an objective with <paramref name="commitment"/>.</summary>
    /// <param name="commitment">The commitment.</param>
    public double SuccessTarget(Commitment commitment) => commitment == Commitment.Committed ? 1.0 : AspirationalTarget;

    /// <summary>The configured severity of <paramref name="code"/>, or null when not overridden.</summary>
    /// <param name="code">A rule code.</param>
    public RuleSeverity? SeverityOverride(string code) => _ruleLookup.TryGetValue(code, out var severity) ? severity : null;

    /// <summary>Creates settings, or returns every <c>OKR009</c> problem found in <paramref name="options"/>.</summary>
    /// <param name="options">The options.</param>
    public static OneOf<OkrSettings, OkrErrors> TryCreate(OkrSettingsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<OkrDiagnostic>();
        void Problem(string message) => problems.Add(OkrDiagnostic.Error(OkrCodes.InvalidSettings, null, message));

        if (!double.IsFinite(options.AspirationalTarget) || options.AspirationalTarget <= 0 || options.AspirationalTarget > 1)
        {
            Problem(string.Create(CultureInfo.InvariantCulture, $"settings.aspirationalTarget is {options.AspirationalTarget}: use a number above 0 and at most 1 (default 0.7)."));
        }

        if (!(options.OnTrackGap >= 0 && options.OnTrackGap <= options.AtRiskGap && options.AtRiskGap <= 1))
        {
            Problem(string.Create(CultureInfo.InvariantCulture, $"settings.onTrackGap {options.OnTrackGap} and atRiskGap {options.AtRiskGap} must satisfy 0 <= onTrackGap <= atRiskGap <= 1 (defaults 0.15 and 0.30)."));
        }

        if (options.LowConfidence is < 0 or > 10)
        {
            Problem($"settings.lowConfidence is {options.LowConfidence}: use an integer from 0 to 10 (default 3).");
        }

        if (options.StaleAfterDays < 0)
        {
            Problem($"settings.staleAfterDays is {options.StaleAfterDays}: use an integer >= 0 (default 14).");
        }

        if (!Enum.IsDefined(options.ObjectiveStatus))
        {
            Problem($"settings.objectiveStatus is {options.ObjectiveStatus}: use pace or worst.");
        }

        if (options.Scale is null)
        {
            Problem("settings.scale is missing: use GradingScale.Default or a custom scale.");
        }

        var limits = options.Limits;
        if (limits is null)
        {
            Problem("settings.limits is missing: use QualityLimits.Default.");
        }
        else
        {
            CheckLimit(limits.MaxObjectivesPerOwner, "maxObjectivesPerOwner", Problem);
            CheckLimit(limits.MinKeyResults, "minKeyResults", Problem);
            CheckLimit(limits.MaxKeyResults, "maxKeyResults", Problem);
            CheckLimit(limits.MaxDepth, "maxDepth", Problem);
        }

        foreach (var (code, severity) in options.Rules)
        {
            if (string.IsNullOrWhiteSpace(code) || OkrRuleCodes.IsBuiltInError(code))
            {
                Problem($"settings.rules has the key '{code}': only quality rules (OKR101-OKR109, OKR201-OKR207, or a host rule's code) can be configured.");
            }

            if (!Enum.IsDefined(severity))
            {
                Problem($"settings.rules.{code} is {severity}: use off, info, warning or error.");
            }
        }

        return problems.Count > 0 ? new OkrErrors(problems) : new OkrSettings(options);
    }

    /// <summary>Creates settings; throws <see cref="OkrValidationException"/> (OKR009) when they are invalid.</summary>
    /// <param name="configure">Changes to the defaults.</param>
    public static OkrSettings Create(Action<OkrSettingsOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var options = new OkrSettingsOptions();
        configure(options);
        return TryCreate(options).Match(s => s, e => throw new OkrValidationException(e));
    }

    /// <summary>Options holding these settings, to change and create anew.</summary>
    public OkrSettingsOptions ToOptions()
    {
        var options = new OkrSettingsOptions
        {
            AspirationalTarget = AspirationalTarget,
            OnTrackGap = OnTrackGap,
            AtRiskGap = AtRiskGap,
            LowConfidence = LowConfidence,
            StaleAfterDays = StaleAfterDays,
            ObjectiveStatus = ObjectiveStatus,
            Scale = Scale,
            Limits = Limits,
        };
        foreach (var rule in Rules)
        {
            options.Rules[rule.Code] = rule.Severity;
        }

        return options;
    }

    /// <inheritdoc />
    public bool Equals(OkrSettings? other) => other is not null
        && AspirationalTarget.Equals(other.AspirationalTarget) && OnTrackGap.Equals(other.OnTrackGap) && AtRiskGap.Equals(other.AtRiskGap)
        && LowConfidence == other.LowConfidence && StaleAfterDays == other.StaleAfterDays && ObjectiveStatus == other.ObjectiveStatus
        && Scale.Equals(other.Scale) && Limits.Equals(other.Limits) && Rules.Equals(other.Rules);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(AspirationalTarget, OnTrackGap, AtRiskGap, LowConfidence, StaleAfterDays, ObjectiveStatus, Scale, Rules);

    private static void CheckLimit(int value, string name, Action<string> problem)
    {
        if (value <= 0)
        {
            problem($"settings.limits.{name} is {value}: use a positive integer.");
        }
    }
}

/// <summary>A severity override for one rule code.</summary>
/// <param name="Code">The rule code, e.g. <c>OKR201</c>.</param>
/// <param name="Severity">The severity it runs at (<see cref="RuleSeverity.Off"/> to turn it off).</param>
public sealed record RuleSeverityOverride(string Code, RuleSeverity Severity)
{
    /// <summary>The rule code, e.g. <c>OKR201</c>.</summary>
    public string Code { get; } = Code;

    /// <summary>The severity it runs at (<see cref="RuleSeverity.Off"/> to turn it off).</summary>
    public RuleSeverity Severity { get; } = Severity;
}

/// <summary>Which codes are which.</summary>
public static class OkrRuleCodes
{
    /// <summary>Whether <paramref name="code"/> is one of OKR001-OKR099 (always errors, never configurable).</summary>
    /// <param name="code">A code.</param>
    public static bool IsBuiltInError(string code) => code is not null && code.Length == 6 && code.StartsWith("OKR0", StringComparison.Ordinal);

    /// <summary>Whether <paramref name="code"/> is one of the built-in quality rules OKR101-OKR109, OKR201-OKR207.</summary>
    /// <param name="code">A code.</param>
    public static bool IsBuiltInQualityRule(string code) => code is
        "OKR101" or "OKR102" or "OKR103" or "OKR104" or "OKR105" or "OKR106" or "OKR107" or "OKR108" or "OKR109"
        or "OKR201" or "OKR202" or "OKR203" or "OKR204" or "OKR205" or "OKR206" or "OKR207";
}
