namespace Okr.Core.Validation;

/// <summary>Every finding about an OKR set, immutable. Order carries no meaning.</summary>
/// <param name="Findings">The findings, after severity overrides (rules turned off report nothing).</param>
public sealed record ValidationReport(ValueArray<OkrDiagnostic> Findings)
{
    /// <summary>The findings, after severity overrides (rules turned off report nothing).</summary>
    public ValueArray<OkrDiagnostic> Findings { get; } = Findings;

    /// <summary>Whether any finding has severity error.</summary>
    public bool HasErrors => Findings.Any(f => f.Severity == OkrSeverity.Error);

    /// <summary>A report without findings.</summary>
    public static ValidationReport Empty { get; } = new(ValueArray<OkrDiagnostic>.Empty);
}
