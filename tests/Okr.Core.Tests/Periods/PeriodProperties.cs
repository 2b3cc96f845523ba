using FsCheck.Xunit;
using Okr.Core.Tests.Arbitraries;

namespace Okr.Core.Tests.Periods;

[Properties(Arbitrary = [typeof(OkrArbitraries)])]
public class PeriodProperties
{
    [Property]
    public bool ElapsedAsOf_InUnitInterval(AsOfDay day)
    {
        var e = Q4.ElapsedAsOf(day.Day);
        return e is >= 0 and <= 1 && !double.IsNegative(e);
    }

    [Property]
    public bool ElapsedAsOf_MonotoneInDay(AsOfDay day)
    {
        return Q4.ElapsedAsOf(day.Day) <= Q4.ElapsedAsOf(day.Later);
    }

    [Property]
    public bool ElapsedAsOf_InsidePeriodIsDaysSoFarOverDays(AsOfDay day)
    {
        return !Q4.Contains(day.Day) || Q4.ElapsedAsOf(day.Day) == (double)(day.Day.DayNumber - Q4.Start.DayNumber + 1) / 92;
    }
}
