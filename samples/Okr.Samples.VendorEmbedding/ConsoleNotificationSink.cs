using Okr.Core;
using Okr.Core.Events;

namespace Okr.Samples.VendorEmbedding;

/// <summary>The host's notification channel: prints one line per event as it is delivered.</summary>
public sealed class ConsoleNotificationSink : IOkrEventSink
{
    /// <inheritdoc />
    public Task HandleAsync(OkrEvent okrEvent, CancellationToken cancellationToken = default)
    {
        var line = okrEvent switch
        {
            CheckInRecorded e => $"check-in stored for {e.KeyResultId}: {e.Value}",
            KeyResultStatusChanged e => $"{e.KeyResultId} is now {Name(e.NewStatus)} (was {Name(e.OldStatus)})",
            ObjectiveStatusChanged e => $"objective {e.ObjectiveId} is now {Name(e.NewStatus)} (was {Name(e.OldStatus)})",
            KeyResultAchieved e => $"{e.KeyResultId} achieved!",
            ObjectiveAchieved e => $"objective {e.ObjectiveId} achieved!",
            ObjectiveStateChanged e => $"objective {e.ObjectiveId}: {e.OldState.ToString().ToLowerInvariant()} -> {e.NewState.ToString().ToLowerInvariant()}",
            PeriodClosed e => $"{e.PeriodId} closed: " + string.Join("; ", e.Objectives.Select(o => $"{o.ObjectiveId} {o.Score:0.00} '{o.Grade}' {(o.Met ? "met" : "missed")}")),
            CheckInsOverdue e => "overdue: " + string.Join(", ", e.KeyResults.Select(k => $"{k.KeyResultId} ({k.DaysSince} days)")),
            _ => okrEvent.GetType().Name,
        };
        Console.WriteLine($"    [notify {okrEvent.AsOf:yyyy-MM-dd}] {line}");
        return Task.CompletedTask;
    }

    private static string Name(OkrStatus status) => OkrStatusNames.ToName(status);
}
