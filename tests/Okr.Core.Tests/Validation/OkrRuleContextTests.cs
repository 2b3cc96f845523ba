using Okr.Core.Tests.Rollup;
using Okr.Core.Validation;

namespace Okr.Core.Tests.Validation;

public class OkrRuleContextTests
{
    private static readonly OkrRuleContext Context = new(WorkedExample.Build().Evaluate(D("2026-11-15")));

    [Theory]
    [InlineData("o-acme", "Win the mobile market")]
    [InlineData("o-mobile", "Delight mobile users")]
    public void Objective_FindsTheObjectiveRecord(string id, string title)
    {
        Assert.Equal(title, Context.Objective(id).Title);
    }

    [Theory]
    [InlineData("kr-rev", "o-acme")]
    [InlineData("kr-nps", "o-mobile")]
    [InlineData("kr-steps", "o-mobile")]
    public void ObjectiveOfKeyResult_FindsItsObjective(string keyResultId, string objectiveId)
    {
        Assert.Equal(objectiveId, Context.ObjectiveOfKeyResult(keyResultId).Id);
    }

    [Fact]
    public void Lookups_OfTheWrongKind_ThrowKeyNotFound()
    {
        Assert.Throws<KeyNotFoundException>(() => Context.Objective("kr-nps"));
        Assert.Throws<KeyNotFoundException>(() => Context.ObjectiveOfKeyResult("o-mobile"));
    }
}
