using Okr.Core.Persistence;
using static Okr.Persistence.Sqlite.Tests.Data;

namespace Okr.Persistence.Sqlite.Tests;

public sealed class ConcurrencyTests : IDisposable
{
    private const int Writers = 8;
    private const int CheckInsPerWriter = 500;
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task EightWritersRetryingOnConflict_StoreAll4000CheckInsExactlyOnce()
    {
        var set = Wide();
        await new CheckInWorkflow(_db.NewRepository(), [], new FixedTimeProvider(Mid)).CreateSetAsync("acme", "2026", set, OkrLifecycle.AllActive(set));
        var sink = new RecordingSink();

        async Task<int> WriteAsync(int writer)
        {
            // Each writer is its own "process": its own repository instance and workflow over the same file.
            var workflow = new CheckInWorkflow(_db.NewRepository(), [sink], new FixedTimeProvider(Mid));
            var conflicts = 0;
            for (var i = 0; i < CheckInsPerWriter; i++)
            {
                var checkIn = new Okr.Core.CheckIn(Q4.Start.AddDays(i % 90), (writer * 1000) + i);
                while (true)
                {
                    var result = await workflow.RecordCheckInAsync("acme", "2026", $"kr-{writer}", checkIn, Mid);
                    if (result.IsT0)
                    {
                        break;
                    }

                    Assert.True(result.AsT1.IsVersionConflict(), result.AsT1.ToString());
                    conflicts++;
                }
            }

            return conflicts;
        }

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(() => WriteAsync(w))));

        var stored = await _db.NewRepository().GetAsync("acme", "2026");
        Assert.Equal(1 + (Writers * CheckInsPerWriter), stored!.Version);
        var keyResults = stored.Set.Objectives.SelectMany(o => o.KeyResults).ToArray();
        for (var w = 0; w < Writers; w++)
        {
            var values = keyResults.Single(k => k.Id == $"kr-{w}").CheckIns.Select(c => c.Value).ToArray();
            Assert.Equal(CheckInsPerWriter, values.Length);
            Assert.Equal(Enumerable.Range(0, CheckInsPerWriter).Select(i => (decimal)((w * 1000) + i)), values.Order());
        }

        Assert.Equal(Writers * CheckInsPerWriter, _db.Scalar("SELECT COUNT(*) FROM okr_check_ins"));
        Assert.Equal(Writers * CheckInsPerWriter, _db.Scalar("SELECT COUNT(*) FROM okr_outbox WHERE event_type LIKE 'Okr.Core.Events.CheckInRecorded,%'"));
        Assert.Equal(Writers * CheckInsPerWriter, sink.Events.OfType<Okr.Core.Events.CheckInRecorded>().Count());
        Assert.Equal(0, await _db.NewRepository().CountPendingEventsAsync());
    }
}
