namespace Okr.Core.Tests.Rollup;

public sealed class ExplainTests
{
    private static OkrEvaluation SumSet()
    {
        var sum = KeyResult.Create("sum", "Value from 10 to 210", KeyResultDefinition.RollupSum(10, 210));
        var a = Kr("a", KeyResultDefinition.Increase(0, 100), 1, C("2026-10-05", 50.0m));
        var b = KeyResult.Create("b", "B", KeyResultDefinition.AtLeast(5), 1, [C("2026-10-06", 30)], [AlignmentLink.ToKeyResult("sum", 0.5)]);
        var none = KeyResult.Create("none", "None", KeyResultDefinition.AtMost(5), 1, null, [AlignmentLink.ToKeyResult("sum")]);
        var objective = new Objective("o", "Grow", "acme", Q4.Id, [sum, a.WithAlignsTo([AlignmentLink.ToKeyResult("sum")]), b, none]);
        return new OkrSet([Q4], [new Owner("acme")], [objective]).Evaluate(Mid);
    }

    [Fact]
    public void Explain_SumRollup_ListsTheValuesAddedAndTheirShareOfTheDistance()
    {
        var explanation = SumSet().Explain("sum");

        Assert.Equal(["a", "b"], explanation.Contributions.Select(c => c.ItemId));
        Assert.Equal([50.0m, 30m], explanation.Contributions.Select(c => c.Value!.Value));
        Assert.Equal([0.25, 0.15], explanation.Contributions.Select(c => c.Share));
        Assert.Equal(0.35, explanation.Score!.Value, 12);
    }

    [Fact]
    public void Explain_Objective_SharesAddUpToTheScoreAndCarryNoValue()
    {
        var evaluation = SumSet();

        var explanation = evaluation.Explain("o");

        Assert.Equal(explanation.Score!.Value, explanation.Contributions.Sum(c => c.Share), 12);
        Assert.All(explanation.Contributions, c => Assert.Null(c.Value));
    }

    [Fact]
    public void Explain_MeasuredKeyResult_HasNoContributions()
        => Assert.Empty(SumSet().Explain("a").Contributions);
}
