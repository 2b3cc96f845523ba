using System.Globalization;
namespace Okr.Core.Validation.Rules;

/// <summary>
/// OKR206: after a period ended, an owner's scored aspirational objectives in it (two or more) average 0.9 or more.
/// </summary>
public sealed class SafeTargetsRule : IOkrRule
{
    private const double SafeAverage = 0.9;

    /// <inheritdoc />
    public OkrRuleDescriptor Descriptor { get; } = new(
        "OKR206",
        "Aspirational targets may be too safe",
        OkrSeverity.Info,
        "Fires after a period ended when an owner's scored aspirational objectives in it (two or more) average 0.9 or more. Set bolder aspirational targets next period.",
        "Aspirational OKRs aim high: landing around 0.7 on average shows the right stretch; near 1.0 means sandbagging.");

    /// <inheritdoc />
    public void Check(OkrRuleContext context, RuleReporter report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        foreach (var group in context.ObjectivesByOwnerAndPeriod)
        {
            if (context.AsOf <= context.Period(group.PeriodId).End)
            {
                continue;
            }

            double sum = 0;
            var count = 0;
            foreach (var objective in group.Objectives)
            {
                if (objective.Commitment == Commitment.Aspirational && context.Evaluation.ScoreOf(objective.Id) is { } score)
                {
                    sum += score;
                    count++;
                }
            }

            if (count >= 2 && ScoreMath.Reaches(sum / count, SafeAverage))
            {
                report(group.OwnerId, string.Create(CultureInfo.InvariantCulture, $"Owner '{group.OwnerId}' averaged {sum / count:0.00} over {count} aspirational objectives in period '{group.PeriodId}': set bolder targets next time."));
            }
        }
    }
}
