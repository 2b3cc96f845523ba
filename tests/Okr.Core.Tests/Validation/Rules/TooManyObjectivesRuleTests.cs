namespace Okr.Core.Tests.Validation.Rules;

/// <summary>OKR101: an owner has more than limits.maxObjectivesPerOwner (5) objectives in one period.</summary>
public sealed class TooManyObjectivesRuleTests : RuleTestBase
{
    protected override string Code => "OKR101";

    protected override string FiringSubject => "acme";

    internal override OkrDocBuilder Firing() => WithObjectives(OkrDocBuilder.Create(), "o", 6);

    [Fact]
    public void Analyze_ExactlyFiveObjectives_IsSilent() => AssertSilent(WithObjectives(OkrDocBuilder.Create(), "o", 5));

    [Fact]
    public void Analyze_SixObjectivesSplitOverTwoPeriods_IsSilent()
    {
        var document = OkrDocBuilder.Create().Period("2027-Q1", "2027-01-01", "2027-03-31");
        WithObjectives(document, "q4", 3);
        for (var i = 1; i <= 3; i++)
        {
            document.Objective($"q1-{i}", $"Goal q1 {(char)('a' + i)}", o => o.Period("2027-Q1").KeyResults(3));
        }

        AssertSilent(document);
    }

    [Fact]
    public void Analyze_TenObjectives_ReportsOncePerOwnerAndPeriod()
    {
        var document = OkrDocBuilder.Create().Owner("mobile").Period("2027-Q1", "2027-01-01", "2027-03-31");
        WithObjectives(document, "a", 10);
        for (var i = 0; i < 6; i++)
        {
            document.Objective($"m-{i}", $"Mobile goal {(char)('a' + i)}", o => o.Owner("mobile").KeyResults(3));
            document.Objective($"n-{i}", $"Next goal {(char)('a' + i)}", o => o.Period("2027-Q1").KeyResults(3));
        }

        var findings = Findings(document);

        Assert.Equal(3, findings.Count);
        Assert.Equal(2, findings.Count(f => f.Subject == "acme"));
        Assert.Single(findings, f => f.Subject == "mobile");
    }

    [Fact]
    public void Analyze_LimitRaisedToSix_IsSilent() =>
        AssertSilent(Firing().Limit("maxObjectivesPerOwner", 6));

    [Fact]
    public void Analyze_LimitLoweredToTwo_FiresOnThree() =>
        AssertFires(WithObjectives(OkrDocBuilder.Create(), "o", 3).Limit("maxObjectivesPerOwner", 2), "acme");

    private static OkrDocBuilder WithObjectives(OkrDocBuilder document, string prefix, int count)
    {
        for (var i = 0; i < count; i++)
        {
            document.Objective($"{prefix}-{i}", $"Goal {prefix} {(char)('a' + i)}", o => o.KeyResults(3));
        }

        return document;
    }
}
