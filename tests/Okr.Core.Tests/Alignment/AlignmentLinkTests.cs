namespace Okr.Core.Tests.Alignment;

public class AlignmentLinkTests
{
    [Theory]
    [InlineData(AlignmentTargetKind.Objective)]
    [InlineData(AlignmentTargetKind.KeyResult)]
    public void TryCreate_GoodValues_IsTheLinkTheFactoriesBuild(AlignmentTargetKind kind)
    {
        var link = AlignmentLink.TryCreate(kind, "parent", 0.5).AsT0;

        var built = kind == AlignmentTargetKind.Objective ? AlignmentLink.ToObjective("parent", 0.5) : AlignmentLink.ToKeyResult("parent", 0.5);
        Assert.Equal(built, link);
    }

    [Theory]
    [InlineData(-0.5, "-0.5")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    public void TryCreate_BadWeight_IsOkr005NamingTheChildTheTargetAndTheWeight(double weight, string shown)
    {
        var errors = AlignmentLink.TryCreate(AlignmentTargetKind.Objective, "company", weight, childId: "team-o1").AsT1;

        var error = Assert.Single(errors);
        Assert.Equal((OkrCodes.InvalidNumber, "team-o1"), (error.Code, error.Subject));
        Assert.Equal($"The link of 'team-o1' to objective 'company' has weight {shown}: a weight is a finite number >= 0 (0 aligns without counting).", error.Message);
    }

    [Fact]
    public void TryCreate_BlankTargetAndBadWeight_GivesBothFindings()
    {
        var errors = AlignmentLink.TryCreate(AlignmentTargetKind.KeyResult, "  ", -1).AsT1;

        Assert.Equal([OkrCodes.UnknownReference, OkrCodes.InvalidNumber], errors.Select(e => e.Code));
        Assert.All(errors, e => Assert.Null(e.Subject));
        Assert.Equal("A link names a blank key result id: name an existing key result.", errors[0].Message);
        Assert.Equal("A link to key result has weight -1: a weight is a finite number >= 0 (0 aligns without counting).", errors[1].Message);
    }

    [Fact]
    public void TryCreate_LongIds_AreCutInTheMessageAndNoSubject()
    {
        var error = Assert.Single(AlignmentLink.TryCreate(AlignmentTargetKind.Objective, new string('p', 300), -1, childId: new string('c', 201)).AsT1);

        Assert.Null(error.Subject);
        Assert.Equal($"A link to objective '{new string('p', 200)}...' has weight -1: a weight is a finite number >= 0 (0 aligns without counting).", error.Message);
    }

    [Fact]
    public void TryCreate_ProgrammerErrors_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => AlignmentLink.TryCreate(AlignmentTargetKind.Objective, null!));
        Assert.ThrowsAny<ArgumentException>(() => AlignmentLink.TryCreate((AlignmentTargetKind)7, "parent"));
    }

    [Fact]
    public void Factories_ThrowForWhatTryCreateReports()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AlignmentLink.ToObjective("company", -1));
        Assert.ThrowsAny<ArgumentException>(() => AlignmentLink.ToKeyResult(" "));
    }
}
