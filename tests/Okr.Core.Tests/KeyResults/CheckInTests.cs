namespace Okr.Core.Tests.KeyResults;

public class CheckInTests
{
    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    public void TryCreate_ConfidenceOutside0To10_ReturnsOkr005(int confidence)
    {
        var finding = Single(CheckIn.TryCreate(Mid, 1m, confidence, keyResultId: "kr"), OkrCodes.InvalidNumber);
        Assert.Equal("kr", finding.Subject);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    public void TryCreate_ConfidenceAtBounds_IsValid(int confidence)
    {
        Assert.Equal(confidence, CheckIn.TryCreate(Mid, 1m, confidence).AsT0.Confidence);
    }

    [Fact]
    public void Constructor_ConfidenceOutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CheckIn(Mid, 1m, 11));
    }

    [Fact]
    public void Value_KeepsDecimalScale()
    {
        Assert.Equal("2.00", new CheckIn(Mid, 2.00m).Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(10)]
    public void Confidence_RoundTripsThroughItsCompactForm(int? confidence)
    {
        var checkIn = new CheckIn(Mid, 3m, confidence, "note");

        Assert.Equal(confidence, checkIn.Confidence);
        Assert.Contains($"Confidence = {confidence}, Note = note", checkIn.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("ConfidenceCode", checkIn.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Equality_TellsConfidencesApart()
    {
        Assert.Equal(new CheckIn(Mid, 3m, 4), new CheckIn(Mid, 3m, 4));
        Assert.NotEqual(new CheckIn(Mid, 3m, 4), new CheckIn(Mid, 3m, 5));
        Assert.NotEqual(new CheckIn(Mid, 3m, 0), new CheckIn(Mid, 3m));
    }

    [Fact]
    public void Default_HasNoConfidence()
    {
        Assert.Null(default(CheckIn).Confidence);
        Assert.NotEqual(new CheckIn(default, 0m, 0), default);
    }

    [Fact]
    public void CheckIn_Takes32Bytes()
    {
        // Check-ins are most of a set's memory and of what compiling one reads: the confidence is kept in a byte.
        // (In a 64-bit process, where the note's reference is 8 bytes.)
        Assert.Equal(32, System.Runtime.CompilerServices.Unsafe.SizeOf<CheckIn>());
    }
}
