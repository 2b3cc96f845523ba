using Okr.Core.Documents;
using Okr.Core.Validation;

namespace Okr.Core.Tests.Validation;

/// <summary>The code and JSON shown in docs/rules.md, kept compiling and true.</summary>
public sealed class RulesDocTests
{
    [Fact]
    public void SettingsRulesExample_IsAValidDocument()
    {
        const string json = """
            {
              "schema": "okr/v1",
              "settings": {
                "rules": {"OKR201": "off", "OKR204": "error", "OKR206": "warning"},
                "limits": {"maxObjectivesPerOwner": 3},
                "staleAfterDays": 7
              },
              "periods": [], "owners": [], "objectives": []
            }
            """;

        var analysis = OkrDocument.Analyze(json, OkrDocBuilder.Inside);

        Assert.Empty(analysis.Diagnostics);
        Assert.Equal(RuleSeverity.Error, analysis.Set!.Settings.SeverityOverride("OKR204"));
    }

    [Fact]
    public void SettingsFromCodeExample_AppliesSeverities()
    {
        var asOf = OkrDocBuilder.Inside;
        var set = OkrDocument.Read(OkrValidatorTests.GoodPractice()
            .Objective("o-long", "Make every single customer in every region love the product we ship in 2026", o => o.KeyResults(3))
            .Json);

        var settings = OkrSettings.Create(o =>
        {
            o.Rules["OKR201"] = RuleSeverity.Off;
            o.Rules["OKR204"] = RuleSeverity.Error;
            o.Rules["ACME001"] = RuleSeverity.Off;
        });
        var evaluation = set.WithSettings(settings).Evaluate(asOf);
        var report = OkrValidator.Default.With(new LongObjectiveTitleRule()).Validate(evaluation);

        Assert.Empty(report.Findings);
    }

    [Fact]
    public void ChangeDocumentSettingsExample_KeepsTheRest()
    {
        var set = OkrDocument.Read(OkrDocBuilder.Create().Limit("maxKeyResults", 7).Owner("team", parent: "acme")
            .Objective("o", "Delight our users", o => o.Owner("team").KeyResults(3)).Json);

        var options = set.Settings.ToOptions();
        options.Rules["OKR105"] = RuleSeverity.Info;
        var settings = OkrSettings.TryCreate(options).AsT0;
        var report = OkrValidator.Default.Validate(set.WithSettings(settings).Evaluate(OkrDocBuilder.Inside));

        Assert.Equal(7, settings.Limits.MaxKeyResults);
        var finding = Assert.Single(report.Findings);
        Assert.Equal(("OKR105", OkrSeverity.Info), (finding.Code, finding.Severity));
    }

    [Fact]
    public void HostRuleExample_RunsBesideBuiltIns()
    {
        var json = OkrValidatorTests.GoodPractice().Objective("o-long", new string('x', 61), o => o.KeyResults(3)).Json;
        var asOf = OkrDocBuilder.Inside;

        var validator = OkrValidator.Default.With(new LongObjectiveTitleRule());
        DocumentAnalysis analysis = OkrDocument.Analyze(json, asOf, validator);

        Assert.Equal("ACME001", Assert.Single(analysis.Diagnostics).Code);
        Assert.Empty(OkrValidatorTests.GoodPractice().Objective("o-ok", new string('x', 60), o => o.KeyResults(3)).Analyze(asOf, validator).Diagnostics);
    }
}
