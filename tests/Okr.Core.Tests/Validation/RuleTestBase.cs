using Okr.Core.Documents;
using Okr.Core.Validation;

namespace Okr.Core.Tests.Validation;

/// <summary>
/// Tests every built-in rule shares: it fires on <see cref="Firing"/> with its default severity and the expected
/// subject, <c>settings.rules</c> can raise it to error or lower it to info, and <c>off</c> silences it.
/// Each derived class adds the rule's own boundary cases.
/// </summary>
public abstract class RuleTestBase
{
    /// <summary>The rule's code, e.g. OKR101.</summary>
    protected abstract string Code { get; }

    /// <summary>The spec's default severity.</summary>
    protected virtual OkrSeverity DefaultSeverity => OkrSeverity.Warning;

    /// <summary>The subject of the single finding on <see cref="Firing"/>.</summary>
    protected abstract string FiringSubject { get; }

    /// <summary>The day <see cref="Firing"/> is analysed as of.</summary>
    protected virtual DateOnly AsOf => OkrDocBuilder.Inside;

    /// <summary>A document on which the rule reports exactly once.</summary>
    internal abstract OkrDocBuilder Firing();

    /// <summary>The findings of this rule.</summary>
    internal IReadOnlyList<OkrDiagnostic> Findings(DocumentAnalysis analysis) => [.. analysis.Diagnostics.Where(d => d.Code == Code)];

    /// <summary>The findings of this rule on <paramref name="document"/> as of <paramref name="asOf"/> (default <see cref="AsOf"/>).</summary>
    internal IReadOnlyList<OkrDiagnostic> Findings(OkrDocBuilder document, DateOnly? asOf = null)
    {
        var analysis = document.Analyze(asOf ?? AsOf);
        Assert.DoesNotContain(analysis.Diagnostics, d => OkrRuleCodes.IsBuiltInError(d.Code));
        return Findings(analysis);
    }

    /// <summary>Asserts one finding of this rule about <paramref name="subject"/> with the default severity.</summary>
    internal OkrDiagnostic AssertFires(OkrDocBuilder document, string subject, DateOnly? asOf = null)
    {
        var finding = Assert.Single(Findings(document, asOf));
        Assert.Equal(Code, finding.Code);
        Assert.Equal(subject, finding.Subject);
        Assert.Equal(DefaultSeverity, finding.Severity);
        Assert.False(string.IsNullOrWhiteSpace(finding.Message));
        return finding;
    }

    /// <summary>Asserts no finding of this rule.</summary>
    internal void AssertSilent(OkrDocBuilder document, DateOnly? asOf = null) => Assert.Empty(Findings(document, asOf));

    [Fact]
    public void Analyze_TargetedCase_ReportsCodeSubjectAndDefaultSeverity()
    {
        AssertFires(Firing(), FiringSubject);
        Assert.False(Firing().Analyze(AsOf).HasErrors);
    }

    [Theory]
    [InlineData("error", OkrSeverity.Error, true)]
    [InlineData("info", OkrSeverity.Info, false)]
    [InlineData("warning", OkrSeverity.Warning, false)]
    public void Analyze_SeverityOverride_IsHonoured(string configured, OkrSeverity expected, bool hasErrors)
    {
        var analysis = Firing().Rule(Code, configured).Analyze(AsOf);

        var finding = Assert.Single(Findings(analysis));
        Assert.Equal(expected, finding.Severity);
        Assert.Equal(FiringSubject, finding.Subject);
        Assert.Equal(hasErrors, analysis.HasErrors);
    }

    [Fact]
    public void Analyze_RuleOff_ReportsNothing()
    {
        var analysis = Firing().Rule(Code, "off").Analyze(AsOf);

        Assert.Empty(Findings(analysis));
        Assert.DoesNotContain(analysis.Diagnostics, d => OkrRuleCodes.IsBuiltInError(d.Code));
    }

    [Fact]
    public void Catalogue_DefaultValidator_DescribesRuleWithSpecSeverity()
    {
        var descriptor = Assert.Single(OkrValidator.Default.Catalogue, d => d.Code == Code);
        Assert.Equal(DefaultSeverity, descriptor.DefaultSeverity);
    }
}
