using Okr.Core.Documents;

namespace Okr.Core.Tests.Objectives;

public class ObjectiveTests
{
    private static readonly Period Q4 = Period.Quarter(2026, 4);
    private static readonly Owner Team = new("team", "Team");

    [Fact]
    public void TryCreate_ValidFields_GivesTheObjective()
    {
        var objective = Objective.TryCreate("o", "Grow", "team", Q4.Id, alignsTo: [AlignmentLink.ToObjective("up"), AlignmentLink.ToKeyResult("up")]).AsT0;

        Assert.Equal(2, objective.AlignsTo.Count); // the same id as an objective and as a key result: two targets
    }

    [Fact]
    public void TryCreate_RepeatedLink_ReturnsOkr002AsTheDocumentReaderDoes()
    {
        var finding = Assert.Single(Objective.TryCreate("b", "Child", "team", Q4.Id, alignsTo: [AlignmentLink.ToObjective("o"), AlignmentLink.ToObjective("o", 3)]).AsT1);

        Assert.Equal((OkrCodes.Schema, "b"), (finding.Code, finding.Subject));
        Assert.Equal("alignsTo[1] of objective 'b' repeats the link to 'o': give each link once.", finding.Message);
    }

    [Fact]
    public void Constructor_RepeatedLink_ThrowsInsteadOfCountingTheChildTwice()
    {
        // Built in code, a repeated link used to be accepted and counted twice (o scored 2/3, not 1/2), while the same
        // set written as a document and read back was OKR002.
        var ex = Assert.Throws<OkrValidationException>(() => new Objective("b", "Child", "team", Q4.Id, alignsTo: [AlignmentLink.ToObjective("o"), AlignmentLink.ToObjective("o")]));

        Assert.Equal(OkrCodes.Schema, Assert.Single(ex.Errors.Items).Code);
    }

    [Fact]
    public void TryCreate_EveryFieldWrong_ReturnsEveryFinding()
    {
        var findings = Objective.TryCreate(new string('o', 201), " ", "", " ").AsT1;

        Assert.Equal(
            [
                (OkrCodes.Schema, "The id of an objective has 201 characters: an objective id has at most 200."),
                (OkrCodes.Schema, "The title of an objective is blank: give a non-blank title."),
                (OkrCodes.UnknownReference, "The owner of an objective is empty: name an existing owner."),
                (OkrCodes.UnknownReference, "The period of an objective is blank: name an existing period."),
            ],
            findings.Select(f => (f.Code, f.Message)));
        Assert.All(findings, f => Assert.Null(f.Subject));
    }

    [Fact]
    public void TryCreate_TitleAtTheDocumentLimit_IsAccepted()
    {
        Assert.True(Objective.TryCreate("o", new string('t', 500), "team", Q4.Id).IsT0);
        Assert.Equal("o", Assert.Single(Objective.TryCreate("o", new string('t', 501), "team", Q4.Id).AsT1).Subject);
    }

    [Fact]
    public void NullArgumentsAndNullItems_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => Objective.TryCreate(null!, "t", "team", Q4.Id));
        Assert.Throws<ArgumentNullException>(() => new Objective("o", "t", null!, Q4.Id));
        var link = Assert.Throws<ArgumentNullException>(() => new Objective("o", "t", "team", Q4.Id, alignsTo: [null!]));
        Assert.Equal("alignsTo", link.ParamName);
        var keyResult = Assert.Throws<ArgumentNullException>(() => Objective.TryCreate("o", "t", "team", Q4.Id, keyResults: [null!]));
        Assert.Equal("keyResults", keyResult.ParamName);
        Assert.ThrowsAny<ArgumentException>(() => Objective.TryCreate("o", "t", "team", Q4.Id, commitment: (Commitment)7));
    }

    [Fact]
    public void OkrSet_NullItems_ThrowAtOnceNotWhileCompiling()
    {
        var objective = new Objective("o", "t", "team", Q4.Id);

        Assert.Equal("periods", Assert.Throws<ArgumentNullException>(() => new OkrSet([null!], [Team], [objective])).ParamName);
        Assert.Equal("owners", Assert.Throws<ArgumentNullException>(() => new OkrSet([Q4], [null!], [objective])).ParamName);
        var ex = Assert.Throws<ArgumentNullException>(() => new OkrSet([Q4], [Team], [objective, null!]));
        Assert.Equal("objectives", ex.ParamName);
        Assert.Contains("objectives[1] is null", ex.Message);
    }

    [Theory]
    [InlineData(200, 500, true)]
    [InlineData(201, 500, false)]
    [InlineData(200, 501, false)]
    public void TheModelAndTheDocumentAgreeOnTheLimits(int idLength, int titleLength, bool accepted)
    {
        // The reader's limits, checked on the written document too: what the model accepts reads back.
        var (id, title) = (new string('o', idLength), new string('t', titleLength));
        var document = $$"""{"schema": "okr/v1", "periods": [{"id": "2026-Q4", "start": "2026-10-01", "end": "2026-12-31"}], "owners": [{"id": "team", "name": "Team"}], "objectives": [{"id": "{{id}}", "title": "{{title}}", "owner": "team", "period": "2026-Q4"}]}""";

        Assert.Equal(accepted, Objective.TryCreate(id, title, "team", Q4.Id).IsT0);
        Assert.Equal(accepted, OkrDocument.TryRead(document).IsT0);
        if (accepted)
        {
            var set = new OkrSet([Q4], [Team], [new Objective(id, title, "team", Q4.Id)]);
            Assert.True(OkrDocument.TryRead(OkrDocument.Write(set)).IsT0);
        }
    }
}
