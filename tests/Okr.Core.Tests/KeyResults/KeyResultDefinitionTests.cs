using System.Globalization;

namespace Okr.Core.Tests.KeyResults;

/// <summary>Spec section 3: a kind whose fields break its rule is OKR006, and the message says what to use instead.</summary>
public class KeyResultDefinitionTests
{
    private static OkrDiagnostic Invalid(KeyResultDefinition definition, params CheckIn[] checkIns)
        => Single(KeyResult.TryCreate("kr", "KR", definition, 1, checkIns), OkrCodes.InvalidKeyResult);

    [Fact]
    public void Increase_BaselineEqualsTarget_Okr006SaysUseAtLeastAtMost()
    {
        var finding = Invalid(KeyResultDefinition.Increase(5, 5));
        Assert.Equal("kr", finding.Subject);
        Assert.Contains("use atLeast/atMost", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decrease_BaselineEqualsTarget_Okr006SaysUseAtLeastAtMost()
    {
        Assert.Contains("use atLeast/atMost", Invalid(KeyResultDefinition.Decrease(5, 5)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Increase_TargetBelowBaseline_Okr006SuggestsDecrease()
    {
        Assert.Contains("decrease", Invalid(KeyResultDefinition.Increase(20, 10)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decrease_TargetAboveBaseline_Okr006SuggestsIncrease()
    {
        Assert.Contains("increase", Invalid(KeyResultDefinition.Decrease(0.5m, 2.0m)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Within_MinAboveMax_Okr006()
    {
        Assert.Contains("swap", Invalid(KeyResultDefinition.Within(3, 1)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Within_MinEqualsMax_IsValid()
    {
        Assert.True(KeyResult.TryCreate("kr", "KR", KeyResultDefinition.Within(3, 3)).IsT0);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(0.5)]
    [InlineData(-1)]
    public void Milestone_CheckInNot0Or1_Okr006(double value)
    {
        Invalid(KeyResultDefinition.Milestone(), C("2026-10-02", (decimal)value));
    }

    [Fact]
    public void Milestone_CheckIns0And1_AreValid()
    {
        Assert.True(KeyResult.TryCreate("kr", "KR", KeyResultDefinition.Milestone(), 1, [C("2026-10-02", 0), C("2026-10-03", 1.0m)]).IsT0);
    }

    [Fact]
    public void Checklist_WithCheckIns_Okr006SaysUseDoneOn()
    {
        var finding = Invalid(KeyResultDefinition.Checklist(new ChecklistItem("a")), C("2026-10-02", 1));
        Assert.Contains("doneOn", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rollup_WithCheckIns_Okr006()
    {
        Invalid(KeyResultDefinition.RollupMean(), C("2026-10-02", 1));
    }

    [Fact]
    public void Checklist_Empty_Okr006()
    {
        Assert.Contains("use kind 'milestone'", Invalid(KeyResultDefinition.Checklist()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Checklist_101Items_Okr006()
    {
        var finding = Invalid(KeyResultDefinition.Checklist(Enumerable.Range(0, 101).Select(i => new ChecklistItem("i" + i))));
        Assert.Contains("it has 101: split it into several key results", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Checklist_100Items_IsValid()
    {
        Assert.True(KeyResult.TryCreate("kr", "KR", KeyResultDefinition.Checklist(Enumerable.Range(0, 100).Select(i => new ChecklistItem("i" + i)))).IsT0);
    }

    [Fact]
    public void Checklist_TotalWeightZero_Okr006()
    {
        Invalid(KeyResultDefinition.Checklist(new ChecklistItem("a", 0), new ChecklistItem("b", 0)));
    }

    [Fact]
    public void Checklist_BlankItemTitle_Okr006()
    {
        Assert.Contains("name each step, or remove the empty item", Invalid(KeyResultDefinition.Checklist(new ChecklistItem(" "))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RollupSum_BaselineEqualsTarget_Okr006()
    {
        var finding = Invalid(KeyResultDefinition.RollupSum(3, 3));
        Assert.Contains("(both 3): set the total you aim for as target, or use aggregate 'mean'", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyCheckInList_IsAllowedOnEveryKind()
    {
        var definitions = new[]
        {
            KeyResultDefinition.Increase(0, 1), KeyResultDefinition.Decrease(1, 0), KeyResultDefinition.AtLeast(1),
            KeyResultDefinition.AtMost(1), KeyResultDefinition.Within(0, 1), KeyResultDefinition.Milestone(),
            KeyResultDefinition.Checklist(new ChecklistItem("a")), KeyResultDefinition.RollupMean(), KeyResultDefinition.RollupSum(0, 1),
        };
        Assert.All(definitions, d => Assert.True(KeyResult.TryCreate("kr", "KR", d, 1, []).IsT0));
    }

    [Fact]
    public void TryWithCheckIn_OnChecklist_ReturnsOkr006()
    {
        var kr = Kr("kr", KeyResultDefinition.Checklist(new ChecklistItem("a")));
        Single(kr.TryWithCheckIn(C("2026-10-02", 1)), OkrCodes.InvalidKeyResult);
    }

    [Fact]
    public void Create_Invalid_ThrowsWithOkr006()
    {
        var ex = Assert.Throws<OkrValidationException>(() => KeyResult.Create("kr", "KR", KeyResultDefinition.Increase(1, 1)));
        Assert.Equal("OKR006", Assert.Single(ex.Errors.Items).Code);
    }

    [Theory]
    [InlineData(-0.5)]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    public void TryCreate_BadWeight_ReturnsOkr005NamingTheKeyResult(double weight)
    {
        var finding = Assert.Single(KeyResult.TryCreate("kr", "KR", KeyResultDefinition.Milestone(), weight).AsT1);
        Assert.Equal((OkrCodes.InvalidNumber, "kr"), (finding.Code, finding.Subject));
        Assert.Contains("weight of key result 'kr'", finding.Message);
    }

    [Fact]
    public void TryCreate_AlignToObjective_ReturnsOkr002()
    {
        var finding = Assert.Single(KeyResult.TryCreate("kr", "KR", KeyResultDefinition.Milestone(), 1, null, [AlignmentLink.ToObjective("o")]).AsT1);
        Assert.Equal((OkrCodes.Schema, "kr"), (finding.Code, finding.Subject));
        Assert.Contains("alignsTo[0] of key result 'kr' names objective 'o'", finding.Message);
    }

    [Fact]
    public void TryCreate_RepeatedLink_ReturnsOkr002WhateverTheWeights()
    {
        var finding = Assert.Single(KeyResult.TryCreate("kr", "KR", KeyResultDefinition.RollupMean(), 1, null, [AlignmentLink.ToKeyResult("up"), AlignmentLink.ToKeyResult("up", 2)]).AsT1);
        Assert.Equal((OkrCodes.Schema, "kr"), (finding.Code, finding.Subject));
        Assert.Contains("alignsTo[1] of key result 'kr' repeats the link to 'up'", finding.Message);
    }

    [Theory]
    [InlineData("", "KR", "The id of a key result is empty")]
    [InlineData(" ", "KR", "The id of a key result is blank")]
    [InlineData("kr", "\t", "The title of key result 'kr' is blank")]
    public void TryCreate_BlankIdOrTitle_ReturnsOkr002(string id, string title, string message)
    {
        var finding = Assert.Single(KeyResult.TryCreate(id, title, KeyResultDefinition.Milestone()).AsT1);
        Assert.Equal(OkrCodes.Schema, finding.Code);
        Assert.StartsWith(message, finding.Message);
    }

    [Fact]
    public void TryCreate_TooLongIdAndTitle_ReturnsBothWithTheDocumentLimits()
    {
        var findings = KeyResult.TryCreate(new string('k', 201), new string('t', 501), KeyResultDefinition.Milestone()).AsT1;

        Assert.Equal(["The id of a key result has 201 characters: a key result id has at most 200.", "The title of a key result has 501 characters: a title has at most 500."], findings.Select(f => f.Message));
        Assert.All(findings, f => Assert.Null(f.Subject));
        Assert.True(KeyResult.TryCreate(new string('k', 200), new string('t', 500), KeyResultDefinition.Milestone()).IsT0);
    }

    [Fact]
    public void TryCreate_SeveralProblems_ReturnsEveryFinding()
    {
        var findings = KeyResult.TryCreate("kr", " ", KeyResultDefinition.Increase(1, 1), -1).AsT1;

        Assert.Equal([OkrCodes.Schema, OkrCodes.InvalidNumber, OkrCodes.InvalidKeyResult], findings.Select(f => f.Code));
    }

    [Fact]
    public void TryCreate_NullArgumentsAndNullLinks_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => KeyResult.TryCreate(null!, "KR", KeyResultDefinition.Milestone()));
        Assert.Throws<ArgumentNullException>(() => KeyResult.TryCreate("kr", null!, KeyResultDefinition.Milestone()));
        var ex = Assert.Throws<ArgumentNullException>(() => KeyResult.TryCreate("kr", "KR", KeyResultDefinition.RollupMean(), 1, null, [AlignmentLink.ToKeyResult("up"), null!]));
        Assert.Equal("alignsTo", ex.ParamName);
        Assert.Contains("alignsTo[1] is null", ex.Message);
    }

    [Fact]
    public void TryCreate_ChecklistItemTitleOverTheLimit_ReturnsOkr002AsTheReaderDoes()
    {
        var definition = KeyResultDefinition.Checklist(new ChecklistItem("ok"), new ChecklistItem(new string('x', 501)));

        var finding = Assert.Single(KeyResult.TryCreate("kr", "KR", definition).AsT1);
        Assert.Equal((OkrCodes.Schema, "The items[1].title of key result 'kr' has 501 characters: a title has at most 500."), (finding.Code, finding.Message));
    }

    [Fact]
    public void Checklist_NullItem_ThrowsAtOnce()
    {
        Assert.Equal("items", Assert.Throws<ArgumentNullException>(() => KeyResultDefinition.Checklist(new ChecklistItem("a"), null!)).ParamName);
    }

    [Fact]
    public void TryCreate_DefinitionProblemWithAnUnusableId_NamesTheKindNotTheId()
    {
        var findings = KeyResult.TryCreate(" ", "KR", KeyResultDefinition.Increase(1, 1)).AsT1;

        Assert.StartsWith("A key result (increase): ", findings.Single(f => f.Code == OkrCodes.InvalidKeyResult).Message);
        Assert.All(findings, f => Assert.Null(f.Subject));
    }

    [Fact]
    public void Create_BlankTitle_ThrowsTheFinding()
    {
        var ex = Assert.Throws<OkrValidationException>(() => KeyResult.Create("kr", "", KeyResultDefinition.Milestone()));
        Assert.Equal(OkrCodes.Schema, Assert.Single(ex.Errors.Items).Code);
    }

    [Theory]
    [InlineData(KeyResultKind.Increase, "increase")]
    [InlineData(KeyResultKind.AtLeast, "atLeast")]
    [InlineData(KeyResultKind.Rollup, "rollup")]
    public void KindNames_RoundTrip(KeyResultKind kind, string name)
    {
        Assert.Equal(name, KeyResultKinds.ToName(kind));
        Assert.True(KeyResultKinds.TryParse(name, out var parsed));
        Assert.Equal(kind, parsed);
        Assert.False(KeyResultKinds.TryParse(name.ToUpperInvariant(), out _));
    }

    public static TheoryData<KeyResultDefinition, decimal?, decimal?, decimal?, decimal?, decimal?> FieldsOfEachKind => new()
    {
        // definition, baseline, target, threshold, min, max: a kind shows its own fields and null for the others.
        { KeyResultDefinition.Increase(10, 20.50m), 10, 20.50m, null, null, null },
        { KeyResultDefinition.Decrease(2.0m, 0.5m), 2.0m, 0.5m, null, null, null },
        { KeyResultDefinition.AtLeast(40), null, null, 40, null, null },
        { KeyResultDefinition.AtMost(-3.25m), null, null, -3.25m, null, null },
        { KeyResultDefinition.Within(1.5m, 2), null, null, null, 1.5m, 2 },
        { KeyResultDefinition.Milestone(), null, null, null, null, null },
        { KeyResultDefinition.Checklist(new ChecklistItem("a")), null, null, null, null, null },
        { KeyResultDefinition.RollupMean(), null, null, null, null, null },
        { KeyResultDefinition.RollupSum(0, 1200), 0, 1200, null, null, null },
    };

    [Theory]
    [MemberData(nameof(FieldsOfEachKind))]
    public void EachKind_ShowsItsOwnFields_AndNullForTheOthers(KeyResultDefinition definition, decimal? baseline, decimal? target, decimal? threshold, decimal? min, decimal? max)
    {
        // Compared as text, so the scale must be kept too (2.0 stays 2.0, as the report writes it).
        static string? Text(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);
        Assert.Equal(Text(baseline), Text(definition.Baseline));
        Assert.Equal(Text(target), Text(definition.Target));
        Assert.Equal(Text(threshold), Text(definition.Threshold));
        Assert.Equal(Text(min), Text(definition.Min));
        Assert.Equal(Text(max), Text(definition.Max));
    }

    [Fact]
    public void Equality_ComparesKindAndFields()
    {
        Assert.Equal(KeyResultDefinition.Increase(1, 2), KeyResultDefinition.Increase(1, 2));
        Assert.Equal(KeyResultDefinition.Increase(1, 2).GetHashCode(), KeyResultDefinition.Increase(1, 2).GetHashCode());
        Assert.NotEqual(KeyResultDefinition.Increase(1, 2), KeyResultDefinition.Increase(1, 3));
        Assert.NotEqual(KeyResultDefinition.Within(1, 2), KeyResultDefinition.Within(0, 2));
        Assert.NotEqual(KeyResultDefinition.Within(1, 2), KeyResultDefinition.Within(1, 3));
        Assert.NotEqual(KeyResultDefinition.AtLeast(5), KeyResultDefinition.AtMost(5));
        Assert.NotEqual(KeyResultDefinition.Within(5, 5), KeyResultDefinition.AtLeast(5));
        Assert.NotEqual(KeyResultDefinition.RollupSum(0, 0), KeyResultDefinition.RollupMean());
        Assert.Equal("KeyResultDefinition { Kind = AtLeast, Baseline = , Target = , Threshold = 40, Min = , Max = , Items = [], Aggregate = , IsMeasured = True, IsSummable = True }", KeyResultDefinition.AtLeast(40).ToString());
    }
}
