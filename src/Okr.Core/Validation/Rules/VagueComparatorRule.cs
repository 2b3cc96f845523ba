using System.Text.RegularExpressions;

namespace Okr.Core.Validation.Rules;

/// <summary>OKR202: a key result title uses a vague comparator ("at least", "around"...).</summary>
public sealed partial class VagueComparatorRule : IOkrRule
{
    /// <inheritdoc />
    public OkrRuleDescriptor Descriptor { get; } = new(
        "OKR202",
        "Vague comparator in a key result title",
        OkrSeverity.Warning,
        "Fires when a key result title uses \"at least\", \"at most\", \"above\", \"below\", \"more than\", \"less than\", \"up to\", \"around\" or \"approximately\" (whole words, any case). State the exact start and target (\"from 31 to 45\") and let the kind carry the comparison.",
        "A key result is measurable without debate: exact numbers, not approximations.");

    /// <inheritdoc />
    public void Check(OkrRuleContext context, RuleReporter report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        foreach (var objective in context.Set.Objectives)
        {
            foreach (var keyResult in objective.KeyResults)
            {
                var match = VagueWords().Match(keyResult.Title);
                if (match.Success)
                {
                    report(keyResult.Id, $"Key result '{keyResult.Id}' says \"{match.Value}\": state an exact start and target instead.");
                }
            }
        }
    }

    [GeneratedRegex(@"\b(?:at\s+least|at\s+most|above|below|more\s+than|less\s+than|up\s+to|around|approximately)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VagueWords();
}
