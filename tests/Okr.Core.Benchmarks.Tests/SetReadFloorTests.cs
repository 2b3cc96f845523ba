using Okr.Core.Benchmarks.Rollup;

namespace Okr.Core.Benchmarks.Tests;

/// <summary>The compile floor reads every input a build reads: its sum equals one computed field by field, in one sequential pass.</summary>
public class SetReadFloorTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(700)]
    [InlineData(20_000)] // several chunks of objectives
    public void Of_SumsEveryInputOnce(int objectives)
    {
        var set = SyntheticOrganisation.Create(objectives);

        var expected = Total(set.Periods, p => SetReadFloor.Chars(p.Id) + p.Start.DayNumber + p.End.DayNumber)
            + Total(set.Owners, o => SetReadFloor.Chars(o.Id) + SetReadFloor.Chars(o.ParentId))
            + Total(set.Objectives, o =>
                SetReadFloor.Chars(o.Id) + SetReadFloor.Chars(o.OwnerId) + SetReadFloor.Chars(o.PeriodId) + (int)o.Commitment + (int)o.ProgressFrom
                + Links(o.AlignsTo)
                + Total(o.KeyResults, k =>
                    SetReadFloor.Chars(k.Id) + BitConverter.DoubleToInt64Bits(k.Weight) + Links(k.AlignsTo)
                    + (int)k.Definition.Kind + (k.Definition.Aggregate is { } aggregate ? (int)aggregate : -1)
                    + Total(new[] { k.Definition.Baseline, k.Definition.Target, k.Definition.Threshold, k.Definition.Min, k.Definition.Max }, SetReadFloor.Bits)
                    + Total(k.Definition.Items, i => BitConverter.DoubleToInt64Bits(i.Weight) + (i.DoneOn is { } done ? done.DayNumber : -1))
                    + Total(k.CheckIns, c => c.At.DayNumber + (c.Confidence ?? -1) + SetReadFloor.Bits(c.Value))));

        Assert.Equal(expected, SetReadFloor.Of(set));
    }

    [Fact]
    public void Of_ChangesWithACheckInValue()
    {
        var set = SyntheticOrganisation.Create(50);
        var owner = set.Objectives[7];
        var keyResult = owner.KeyResults.First(k => k.CheckIns.Count > 0);
        var checkIn = keyResult.CheckIns[0];
        var replaced = KeyResult.Create(
            keyResult.Id, keyResult.Title, keyResult.Definition, keyResult.Weight,
            [new CheckIn(checkIn.At, checkIn.Value + 0.01m, checkIn.Confidence), .. keyResult.CheckIns.Skip(1)], keyResult.AlignsTo);

        Assert.NotEqual(SetReadFloor.Of(set), SetReadFloor.Of(set.WithObjective(owner.WithKeyResult(replaced))));
    }

    /// <summary>A sum that wraps around, as the floor's does (weights are added as their 64-bit patterns).</summary>
    private static long Total<T>(IEnumerable<T> items, Func<T, long> selector) => items.Aggregate(0L, (sum, item) => unchecked(sum + selector(item)));

    private static long Links(IEnumerable<AlignmentLink> links)
        => Total(links, l => (int)l.TargetKind + SetReadFloor.Chars(l.TargetId) + BitConverter.DoubleToInt64Bits(l.Weight));
}
