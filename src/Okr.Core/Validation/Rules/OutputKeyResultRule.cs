namespace Okr.Core.Validation.Rules;

/// <summary>OKR203: a milestone or checklist key result whose title starts with a task verb.</summary>
public sealed class OutputKeyResultRule : IOkrRule
{
    private static readonly HashSet<string> TaskVerbs = new(
        ["implement", "launch", "build", "create", "complete", "conduct", "run", "deploy", "ship", "write", "develop", "hold", "organize", "release", "migrate", "finish"],
        StringComparer.OrdinalIgnoreCase);

    /// <inheritdoc />
    public OkrRuleDescriptor Descriptor { get; } = new(
        "OKR203",
        "Key result measures output, not outcome",
        OkrSeverity.Warning,
        "Fires when a milestone or checklist key result's title starts with a task verb (implement, launch, build, ship...). Describe the change the task should bring (\"Onboarding completion from 40% to 70%\") and keep the task in a plan.",
        "Key results measure outcomes (what changes for users), not outputs (tasks done).");

    /// <inheritdoc />
    public void Check(OkrRuleContext context, RuleReporter report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        var verbs = TaskVerbs.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var objective in context.Set.Objectives)
        {
            foreach (var keyResult in objective.KeyResults)
            {
                if (keyResult.Kind is KeyResultKind.Milestone or KeyResultKind.Checklist && FirstWord(keyResult.Title) is { IsEmpty: false } word && verbs.Contains(word))
                {
                    report(keyResult.Id, $"Key result '{keyResult.Id}' starts with the task verb \"{word}\": measure the outcome the task should bring, not the task.");
                }
            }
        }
    }

    /// <summary>The first whitespace-separated word, without punctuation around it (empty when there is none).</summary>
    internal static ReadOnlySpan<char> FirstWord(ReadOnlySpan<char> title)
    {
        var start = 0;
        while (start < title.Length && char.IsWhiteSpace(title[start]))
        {
            start++;
        }

        var end = start;
        while (end < title.Length && !char.IsWhiteSpace(title[end]))
        {
            end++;
        }

        while (start < end && !char.IsLetterOrDigit(title[start]))
        {
            start++;
        }

        while (end > start && !char.IsLetterOrDigit(title[end - 1]))
        {
            end--;
        }

        return title[start..end];
    }
}
