using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Xunit;
using Okr.Core.Documents;

namespace Okr.Core.Tests.Validation;

/// <summary>The numeric limits of the rules as properties: a rule fires exactly when the count passes its limit.</summary>
public sealed class RuleBoundaryProperties
{
    [Property(MaxTest = 60)]
    public bool AlignmentTooDeep_FiresExactlyWhenChainIsLongerThanMaxDepth(PositiveInt links, PositiveInt maxDepth, bool[] viaKeyResult)
    {
        var n = ((links.Get - 1) % 14) + 1;
        var max = ((maxDepth.Get - 1) % 12) + 1;
        var document = OkrDocBuilder.Create().Limit("maxDepth", max).Objective("o0", "Top goal", o => o.KeyResults(2));
        for (var i = 1; i <= n; i++)
        {
            var parent = $"o{i - 1}";
            var toKeyResult = viaKeyResult is { Length: > 0 } && viaKeyResult[i % viaKeyResult.Length];
            document.Objective($"o{i}", $"Goal {(char)('a' + i)}", o =>
            {
                _ = toKeyResult ? o.AlignsToKeyResult($"{parent}-kr1") : o.AlignsTo(parent);
                o.KeyResults(2);
            });
        }

        var findings = document.Analyze(OkrDocBuilder.Inside).Diagnostics.Where(d => d.Code == "OKR106").ToArray();

        return n > max ? findings is [{ Subject: var subject }] && subject == $"o{n}" : findings.Length == 0;
    }

    [Property(MaxTest = 60)]
    public bool StaleKeyResult_FiresExactlyWhenLatestCheckInIsMoreThanStaleAfterDaysBefore(PositiveInt checkInDay, PositiveInt asOfDay, NonNegativeInt staleAfter)
    {
        var start = new DateOnly(2026, 10, 1);
        var at = start.AddDays((checkInDay.Get - 1) % 92);
        var asOf = at.AddDays((asOfDay.Get - 1) % 40);
        var limit = staleAfter.Get % 30;
        var document = OkrDocBuilder.Create().Setting("staleAfterDays", JsonValue.Create(limit)).Objective("o", "Delight our users", o => o
            .Increase("kr", "Raise NPS from 0 to 100", 0, 100, (at.ToString("yyyy-MM-dd", null), 10)));

        var fires = OkrDocument.Analyze(document.Json, asOf).Diagnostics.Any(d => d.Code == "OKR204" && d.Subject == "kr");

        var inside = asOf <= new DateOnly(2026, 12, 31);
        return fires == (inside && asOf.DayNumber - at.DayNumber > limit);
    }

    [Property(MaxTest = 40)]
    public bool TooManyObjectives_FiresExactlyWhenCountPassesLimit(PositiveInt count, PositiveInt limit)
    {
        var n = ((count.Get - 1) % 9) + 1;
        var max = ((limit.Get - 1) % 8) + 1;
        var document = OkrDocBuilder.Create().Limit("maxObjectivesPerOwner", max);
        for (var i = 0; i < n; i++)
        {
            document.Objective($"o{i}", $"Goal {(char)('a' + i)}", o => o.KeyResults(2));
        }

        var findings = document.Analyze(OkrDocBuilder.Inside).Diagnostics.Count(d => d.Code == "OKR101");

        return findings == (n > max ? 1 : 0);
    }
}
