using Okr.Core.Documents;

namespace Okr.Core.Tests.Objectives;

public class OwnerTests
{
    [Theory]
    [InlineData(" ", "The id of an owner is blank: give a non-blank owner id.")]
    [InlineData("201", "The id of an owner has 201 characters: an owner id has at most 200.")]
    public void Constructor_IdTheReaderRefuses_ThrowsOkr002(string id, string message)
    {
        var ex = Assert.Throws<OkrValidationException>(() => new Owner(id == "201" ? new string('w', 201) : id));

        var finding = Assert.Single(ex.Errors.Items);
        Assert.Equal((OkrCodes.Schema, (string?)null, message), (finding.Code, finding.Subject, finding.Message));
    }

    [Fact]
    public void Constructor_IdAtTheLimit_WritesADocumentThatReadsBack()
    {
        var owner = new Owner(new string('w', 200), "Team");
        var q4 = Period.Quarter(2026, 4);
        var set = new OkrSet([q4], [owner], [new Objective("o", "Grow", owner.Id, q4.Id)]);

        Assert.True(OkrDocument.TryRead(OkrDocument.Write(set)).IsT0);
        Assert.Throws<ArgumentNullException>(() => new Owner(null!));
    }
}
