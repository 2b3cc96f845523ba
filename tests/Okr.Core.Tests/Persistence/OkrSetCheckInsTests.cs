using Okr.Core.Persistence;

namespace Okr.Core.Tests.Persistence;

public class OkrSetCheckInsTests
{
    [Fact]
    public void TryAppend_AppendsInOrderPerKeyResult()
    {
        var set = OkrSetCheckIns.TryAppend(PersistenceTestData.Sample(), [new("kr-nps", C("2026-11-01", 35)), new("kr-orders", C("2026-11-02", 120)), new("kr-nps", C("2026-11-01", 36))]).AsT0;
        Assert.Equal([35m, 36m], set.Objectives[0].KeyResults[0].CheckIns.Select(c => c.Value));
        Assert.Equal(120m, Assert.Single(set.Objectives[1].KeyResults[0].CheckIns).Value);
        Assert.Equal(36m, set.Objectives[0].KeyResults[0].LatestCheckIn(Mid)!.Value.Value);
    }

    [Fact]
    public void TryAppend_UnknownKeyResult_Okr004() => Single(OkrSetCheckIns.TryAppend(PersistenceTestData.Sample(), [new("kr-x", C("2026-11-01", 1))]), OkrCodes.UnknownReference);

    [Fact]
    public void TryAppend_CheckInOnChecklist_Okr006() => Single(OkrSetCheckIns.TryAppend(PersistenceTestData.Sample(), [new("kr-steps", C("2026-11-01", 1))]), OkrCodes.InvalidKeyResult);

    [Fact]
    public void TryAppend_Nothing_ReturnsSameSet()
    {
        var set = PersistenceTestData.Sample();
        Assert.Same(set, OkrSetCheckIns.TryAppend(set, []).AsT0);
    }
}
