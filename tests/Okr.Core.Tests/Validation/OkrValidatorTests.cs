using Okr.Core.Documents;
using Okr.Core.Validation;

namespace Okr.Core.Tests.Validation;

/// <summary>The rule set as a whole: a good document is clean, host rules plug in, errors stop quality rules.</summary>
public sealed class OkrValidatorTests
{
    private const string LongTitle = "Make every single customer in every region love the product we ship";

    /// <summary>
    /// Company and two teams aligned to it, three KRs each with fresh check-ins, qualitative objective titles, exact KR
    /// titles; every objective lands on 0.7 (an aspirational success), so neither OKR205 nor OKR206 applies.
    /// </summary>
    internal static OkrDocBuilder GoodPractice() => OkrDocBuilder.Create()
        .Owner("mobile", parent: "acme")
        .Owner("web", parent: "acme")
        .Objective("o-acme", "Win the mobile market", o => o
            .ProgressFrom("both")
            .Increase("kr-rev", "Grow mobile revenue from 10 to 20 (million)", 10, 20, ("2026-11-10", 17))
            .Increase("kr-share", "Raise market share from 12% to 22%", 12, 22, ("2026-11-09", 19))
            .Increase("kr-stores", "Open stores in 10 new cities", 0, 10, ("2026-11-12", 7)))
        .Objective("o-mobile", "Delight mobile users", o => o
            .Owner("mobile")
            .AlignsTo("o-acme")
            .Increase("kr-nps", "Raise mobile NPS from 31 to 45", 31, 45, ("2026-10-20", 35), ("2026-11-14", 40.8m))
            .Increase("kr-rating", "Lift store rating from 3.0 to 4.0", 3.0m, 4.0m, ("2026-11-10", 3.7m))
            .Increase("kr-weekly", "Grow weekly active users from 100k to 200k", 100, 200, ("2026-11-03", 170)))
        .Objective("o-web", "Make checkout effortless", o => o
            .Owner("web")
            .AlignsToKeyResult("kr-rev")
            .Increase("kr-conv", "Raise checkout conversion from 2% to 3%", 2, 3, ("2026-11-11", 2.7m))
            .Increase("kr-speed", "Shave 60 seconds off the time to pay", 0, 60, ("2026-11-13", 42))
            .Milestone("kr-wallet", "Wallet payments available to every customer", ("2026-11-05", 1)));

    [Fact]
    public void Analyze_GoodPracticeDocumentInsidePeriod_ReportsNothing()
    {
        var analysis = GoodPractice().Analyze(OkrDocBuilder.Inside);

        Assert.NotNull(analysis.Evaluation);
        Assert.Empty(analysis.Diagnostics);
        Assert.False(analysis.HasErrors);
    }

    [Fact]
    public void Analyze_GoodPracticeDocumentDayAfterPeriod_ReportsNothing()
    {
        var analysis = GoodPractice().Analyze(OkrDocBuilder.AfterEnd);

        Assert.NotNull(analysis.Evaluation);
        Assert.Empty(analysis.Diagnostics);
        Assert.Equal(OkrStatus.Met, analysis.Evaluation.StatusOf("o-mobile"));
    }

    [Fact]
    public void Catalogue_Default_ListsAllSixteenBuiltInRulesWithSpecSeverities()
    {
        var catalogue = OkrValidator.Default.Catalogue;

        string[] expected =
        [
            "OKR101", "OKR102", "OKR103", "OKR104", "OKR105", "OKR106", "OKR107", "OKR108", "OKR109",
            "OKR201", "OKR202", "OKR203", "OKR204", "OKR205", "OKR206", "OKR207",
        ];
        Assert.Equal(expected, catalogue.Select(d => d.Code));
        Assert.All(catalogue, d =>
        {
            Assert.True(OkrRuleCodes.IsBuiltInQualityRule(d.Code));
            Assert.False(string.IsNullOrWhiteSpace(d.Title));
            Assert.False(string.IsNullOrWhiteSpace(d.Help));
            Assert.False(string.IsNullOrWhiteSpace(d.Practice));
            Assert.Equal(d.Code == "OKR206" ? OkrSeverity.Info : OkrSeverity.Warning, d.DefaultSeverity);
        });
    }

    [Fact]
    public void Catalogue_WithHostRule_AddsItAfterTheBuiltIns()
    {
        var catalogue = OkrValidator.Default.With(new LongObjectiveTitleRule()).Catalogue;

        Assert.Equal(17, catalogue.Count);
        var acme = catalogue[^1];
        Assert.Equal("ACME001", acme.Code);
        Assert.Equal("Objective title too long", acme.Title);
        Assert.Equal(OkrSeverity.Warning, acme.DefaultSeverity);
        Assert.Equal(16, OkrValidator.Default.Catalogue.Count);
    }

    [Fact]
    public void With_HostRuleReusingABuiltInCode_Throws() =>
        Assert.Throws<ArgumentException>(() => OkrValidator.Default.With(new CodeClashRule()));

    [Fact]
    public void Analyze_HostRule_ReportsWithItsCode()
    {
        var document = GoodPractice().Objective("o-long", LongTitle, o => o.KeyResults(3));

        var analysis = document.Analyze(OkrDocBuilder.Inside, OkrValidator.Default.With(new LongObjectiveTitleRule()));

        var finding = Assert.Single(analysis.Diagnostics);
        Assert.Equal("ACME001", finding.Code);
        Assert.Equal("o-long", finding.Subject);
        Assert.Equal(OkrSeverity.Warning, finding.Severity);
    }

    [Fact]
    public void Analyze_HostRuleWithDefaultValidator_DoesNotRun() =>
        Assert.Empty(GoodPractice().Objective("o-long", LongTitle, o => o.KeyResults(3)).Analyze(OkrDocBuilder.Inside).Diagnostics);

    [Theory]
    [InlineData(RuleSeverity.Off, null)]
    [InlineData(RuleSeverity.Info, OkrSeverity.Info)]
    [InlineData(RuleSeverity.Error, OkrSeverity.Error)]
    public void Validate_HostRuleSeverityFromSettingsOptions_IsHonoured(RuleSeverity configured, OkrSeverity? expected)
    {
        var set = OkrDocument.Read(GoodPractice().Objective("o-long", LongTitle, o => o.KeyResults(3)).Json);
        var options = set.Settings.ToOptions();
        options.Rules["ACME001"] = configured;
        var settings = OkrSettings.TryCreate(options).AsT0;
        var validator = OkrValidator.Default.With(new LongObjectiveTitleRule());

        var report = validator.Validate(set.WithSettings(settings).Evaluate(OkrDocBuilder.Inside));

        Assert.Equal(expected, report.Findings.SingleOrDefault()?.Severity);
        Assert.Equal(expected == OkrSeverity.Error, report.HasErrors);
    }

    [Fact]
    public void Create_HostRuleOffThroughOptionsCallback_SilencesIt()
    {
        var settings = OkrSettings.Create(o => o.Rules["ACME001"] = RuleSeverity.Off);
        var set = OkrDocument.Read(GoodPractice().Objective("o-long", LongTitle, o => o.KeyResults(3)).Json).WithSettings(settings);

        var report = OkrValidator.Default.With(new LongObjectiveTitleRule()).Validate(set.Evaluate(OkrDocBuilder.Inside));

        Assert.Empty(report.Findings);
        Assert.Null(OkrValidator.SeverityOf(new LongObjectiveTitleRule().Descriptor, settings));
    }

    [Fact]
    public void Analyze_HostCodeInDocumentRules_IsInvalidSettings()
    {
        var analysis = GoodPractice().Rule("ACME001", "off").Analyze(OkrDocBuilder.Inside, OkrValidator.Default.With(new LongObjectiveTitleRule()));

        var finding = Assert.Single(analysis.Diagnostics);
        Assert.Equal("OKR009", finding.Code);
        Assert.Null(finding.Subject);
        Assert.True(analysis.HasErrors);
    }

    [Theory]
    [InlineData("OKR001")]
    [InlineData("OKR004")]
    public void Analyze_DocumentRulesForErrorCode_IsInvalidSettings(string code)
    {
        var analysis = GoodPractice().Rule(code, "off").Analyze(OkrDocBuilder.Inside);

        Assert.Equal("OKR009", Assert.Single(analysis.Diagnostics).Code);
    }

    [Fact]
    public void Analyze_ReaderErrorAndQualityProblems_ReportsOnlyTheError()
    {
        // Six objectives, no key results, a digit in a title and a duplicate title: all quality findings, but the
        // unknown period is an OKR004 error, so no quality rule runs.
        var document = OkrDocBuilder.Create();
        for (var i = 0; i < 6; i++)
        {
            document.Objective($"o{i}", "Win 2026", o => o.Period(i == 5 ? "nope" : OkrDocBuilder.Quarter));
        }

        var analysis = document.Analyze(OkrDocBuilder.Inside);

        Assert.True(analysis.HasErrors);
        Assert.All(analysis.Diagnostics, d => Assert.True(OkrRuleCodes.IsBuiltInError(d.Code), d.ToString()));
        Assert.Contains(analysis.Diagnostics, d => d.Code == "OKR004" && d.Subject == "o5");
        Assert.Null(analysis.Evaluation);
    }

    [Fact]
    public void Analyze_CycleAndQualityProblems_ReportsOnlyTheCycle()
    {
        var document = OkrDocBuilder.Create()
            .Objective("a", "Win 2026", o => o.AlignsTo("b"))
            .Objective("b", "Win 2026", o => o.AlignsTo("a").KeyResults(1));

        var analysis = document.Analyze(OkrDocBuilder.Inside);

        var finding = Assert.Single(analysis.Diagnostics);
        Assert.Equal("OKR008", finding.Code);
        Assert.Equal(OkrSeverity.Error, finding.Severity);
        Assert.Null(analysis.Evaluation);
    }

    [Fact]
    public void Analyze_QualityRuleRaisedToError_HasErrorsButStillEvaluates()
    {
        var analysis = GoodPractice().Objective("o-num", "Win 2026", o => o.KeyResults(3)).Rule("OKR201", "error").Analyze(OkrDocBuilder.Inside);

        var finding = Assert.Single(analysis.Diagnostics);
        Assert.Equal(("OKR201", OkrSeverity.Error, "o-num"), (finding.Code, finding.Severity, finding.Subject));
        Assert.True(analysis.HasErrors);
        Assert.NotNull(analysis.Evaluation);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public async Task SharedRun_JoinedByThreads_SameFindingsInSameOrderAsValidate(int threads)
    {
        // Findings from many rules, one rule turned off and one lowered to info, so that both the order and the
        // severities would show a run that lost, repeated or reordered a rule's findings.
        var evaluation = GoodPractice()
            .Objective("o-num", "Win 2026", o => o.KeyResults(3))
            .Objective("o-dup", "Delight mobile users", o => o.Increase("kr-stale", "Increase revenue", 0, 10, ("2026-10-02", 1)))
            .Objective("o-empty", "Keep the lights on")
            .Rule("OKR204", "info")
            .Rule("OKR104", "off")
            .Analyze(OkrDocBuilder.Inside).Evaluation!;
        var expected = OkrValidator.Default.Validate(evaluation).Findings;

        var run = OkrValidator.Default.Share(evaluation);
        using var start = new Barrier(threads);
        var joined = Enumerable.Range(0, threads).Select(_ => Task.Run(() =>
        {
            start.SignalAndWait(TimeSpan.FromMinutes(1));
            run.Join();
        })).ToArray();
        await Task.WhenAll(joined);

        Assert.True(expected.Select(f => f.Code).Distinct().Count() >= 4, string.Join(", ", expected.Select(f => f.Code)));
        Assert.Contains(expected, f => f is { Code: "OKR204", Severity: OkrSeverity.Info });
        Assert.Equal(expected, run.Findings());
    }

    [Fact]
    public void Share_ValidatorWithHostRule_Throws()
    {
        var evaluation = GoodPractice().Analyze(OkrDocBuilder.Inside).Evaluation!;

        Assert.Throws<InvalidOperationException>(() => OkrValidator.Default.With(new LongObjectiveTitleRule()).Share(evaluation));
    }

    [Fact]
    public async Task SharedRun_RuleThrows_JoinReturnsAndFindingsRethrowsIt()
    {
        var evaluation = GoodPractice().Analyze(OkrDocBuilder.Inside).Evaluation!;
        var run = new OkrValidator.SharedRun(OkrValidator.Default.With(new ThrowingRule()), evaluation);

        await Task.WhenAll(Task.Run(run.Join), Task.Run(run.Join));

        var thrown = Assert.Throws<InvalidOperationException>(() => run.Findings());
        Assert.IsType<FormatException>(thrown.InnerException);
    }

    [Fact]
    public void Validate_RuleThrows_SaysWhichRuleAndKeepsWhatItThrew()
    {
        var evaluation = GoodPractice().Analyze(OkrDocBuilder.Inside).Evaluation!;

        var thrown = Assert.Throws<InvalidOperationException>(() => OkrValidator.Default.With(new ThrowingRule()).Validate(evaluation));

        Assert.Equal($"Rule HOST001 (ThrowingRule) threw while checking the set: {ThrowingRule.Message}", thrown.Message);
        Assert.IsType<FormatException>(thrown.InnerException);
    }

    [Theory]
    [InlineData("OKR005")]
    [InlineData("okr001")]
    [InlineData("OKR301")]
    public void Constructor_HostRuleWithAReservedCode_Throws(string code)
    {
        var ex = Assert.Throws<ArgumentException>(() => OkrValidator.Default.With(new NamedRule(code)));
        Assert.Contains($"has the code '{code}', which is reserved", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RuleDescriptor_BadCodeOrSeverity_Throws()
    {
        Assert.ThrowsAny<ArgumentException>(() => new OkrRuleDescriptor(" ", "T", OkrSeverity.Warning, "H", "P"));
        Assert.ThrowsAny<ArgumentException>(() => new OkrRuleDescriptor("HOST002", "T", (OkrSeverity)9, "H", "P"));
    }

    [Fact]
    public void Validate_RuleReportsANullMessage_SaysWhichRule()
    {
        var evaluation = GoodPractice().Analyze(OkrDocBuilder.Inside).Evaluation!;

        var thrown = Assert.Throws<InvalidOperationException>(() => OkrValidator.Default.With(new NamedRule("HOST003", reportNull: true)).Validate(evaluation));

        Assert.StartsWith("Rule HOST003 (NamedRule) threw", thrown.Message, StringComparison.Ordinal);
        Assert.IsType<ArgumentNullException>(thrown.InnerException);
    }

    [Fact]
    public void SharedRun_FindingsBeforeJoin_Throws()
    {
        var run = OkrValidator.Default.Share(GoodPractice().Analyze(OkrDocBuilder.Inside).Evaluation!);

        Assert.Throws<InvalidOperationException>(() => run.Findings());
    }

    private sealed class CodeClashRule : IOkrRule
    {
        public OkrRuleDescriptor Descriptor { get; } = new("OKR101", "Clash", OkrSeverity.Warning, "Clashes.", "None.");

        public void Check(OkrRuleContext context, RuleReporter report)
        {
        }
    }

    private sealed class NamedRule(string code, bool reportNull = false) : IOkrRule
    {
        public OkrRuleDescriptor Descriptor { get; } = new(code, "Named", OkrSeverity.Warning, "Help.", "None.");

        public void Check(OkrRuleContext context, RuleReporter report)
        {
            if (reportNull)
            {
                report(null, null!);
            }
        }
    }

    private sealed class ThrowingRule : IOkrRule
    {
        public const string Message = "A host rule failed.";

        public OkrRuleDescriptor Descriptor { get; } = new("HOST001", "Throws", OkrSeverity.Warning, "Throws.", "None.");

        public void Check(OkrRuleContext context, RuleReporter report) => throw new FormatException(Message);
    }
}
