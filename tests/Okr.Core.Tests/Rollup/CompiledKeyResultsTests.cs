namespace Okr.Core.Tests.Rollup;

public class CompiledKeyResultsTests
{
    [Fact]
    public void LatestAsOf_UnsortedCheckInsWithTies_LaterInDocumentOrderWins()
    {
        var keyResult = KeyResult.Create("kr", "K", KeyResultDefinition.Increase(0, 10), checkIns:
        [
            new CheckIn(new DateOnly(2026, 10, 9), 5, confidence: 2),
            new CheckIn(new DateOnly(2026, 10, 2), 1),
            new CheckIn(new DateOnly(2026, 10, 9), 6, confidence: 8),
            new CheckIn(new DateOnly(2026, 10, 5), 3),
        ]);
        var table = CompiledKeyResults.From([null, keyResult]);

        Assert.Equal(-1, table.LatestAsOf(1, new DateOnly(2026, 10, 1).DayNumber));
        foreach (var day in Enumerable.Range(0, 20).Select(d => new DateOnly(2026, 10, 1).AddDays(d)))
        {
            var latest = table.LatestAsOf(1, day.DayNumber);
            var expected = keyResult.CheckIns.ToList().FindLastIndex(c => c == keyResult.LatestCheckIn(day));
            Assert.Equal(expected, latest < 0 ? -1 : table.CheckInSource[latest]);
        }

        var onTie = table.LatestAsOf(1, new DateOnly(2026, 10, 9).DayNumber);
        Assert.Equal(6m, table.CheckInValue[onTie]);
        Assert.Equal(8, table.CheckInConfidence[onTie]);
    }

    [Fact]
    public void ChecklistShare_EqualsTheRecordsShare()
    {
        var definition = KeyResultDefinition.Checklist(
            new ChecklistItem("a", 0.1, new DateOnly(2026, 10, 3)),
            new ChecklistItem("b", 0.2),
            new ChecklistItem("c", 0.7, new DateOnly(2026, 10, 9)));
        var keyResult = KeyResult.Create("kr", "K", definition);
        var table = CompiledKeyResults.From([keyResult]);
        foreach (var day in Enumerable.Range(0, 12).Select(d => new DateOnly(2026, 10, 1).AddDays(d)))
        {
            Assert.Equal(keyResult.Score(day).Score, table.ChecklistShare(0, day.DayNumber));
        }
    }
}
