namespace Okr.Core.Tests.Validation.Rules;

/// <summary>OKR207: two objectives of one owner in one period share a title (case-insensitive); the later one is reported.</summary>
public sealed class DuplicateTitleRuleTests : RuleTestBase
{
    protected override string Code => "OKR207";

    protected override string FiringSubject => "o-b";

    internal override OkrDocBuilder Firing() => OkrDocBuilder.Create()
        .Objective("o-a", "Delight our users", o => o.KeyResults(3))
        .Objective("o-b", "DELIGHT our Users", o => o.KeyResults(3));

    [Fact]
    public void Analyze_DifferentTitles_IsSilent() => AssertSilent(OkrDocBuilder.Create()
        .Objective("o-a", "Delight our users", o => o.KeyResults(3))
        .Objective("o-b", "Delight our user", o => o.KeyResults(3)));

    [Fact]
    public void Analyze_SameTitleDifferentOwners_IsSilent() => AssertSilent(OkrDocBuilder.Create().Owner("mobile")
        .Objective("o-a", "Delight our users", o => o.KeyResults(3))
        .Objective("o-b", "Delight our users", o => o.Owner("mobile").KeyResults(3)));

    [Fact]
    public void Analyze_SameTitleDifferentPeriods_IsSilent() => AssertSilent(OkrDocBuilder.Create().Period("2027-Q1", "2027-01-01", "2027-03-31")
        .Objective("o-a", "Delight our users", o => o.KeyResults(3))
        .Objective("o-b", "Delight our users", o => o.Period("2027-Q1").KeyResults(3)));

    [Fact]
    public void Analyze_ThreeCopies_ReportsEachLaterOne()
    {
        var document = OkrDocBuilder.Create()
            .Objective("o-a", "Delight our users", o => o.KeyResults(3))
            .Objective("o-x", "Win the market", o => o.KeyResults(3))
            .Objective("o-b", "Delight our users", o => o.KeyResults(3))
            .Objective("o-c", "delight our users", o => o.KeyResults(3));

        Assert.Equal(["o-b", "o-c"], Findings(document).Select(f => f.Subject));
    }
}
