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
        foreach (var objective in context.Set.Objectives)
        {
            foreach (var keyResult in objective.KeyResults)
            {
                if (keyResult.Kind is KeyResultKind.Milestone or KeyResultKind.Checklist && FirstWord(keyResult.Title) is { } word && TaskVerbs.Contains(word))
                {
                    report(keyResult.Id, $"Key result '{keyResult.Id}' starts with the task verb \"{word}\": measure the outcome the task should bring, not the task.");
                }
            }
        }
    }

    /// <summary>The first whitespace-separated word, without punctuation around it.</summary>
    internal static string? FirstWord(string title)
    {
        var words = title.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return null;
        }

        var word = words[0].Trim().TrimStart(c => !char.IsLetterOrDigit(c)).TrimEnd(c => !char.IsLetterOrDigit(c));
        return word.Length == 0 ? null : word;
    }
}

/// <summary>Trimming by predicate.</summary>
internal static class TrimExtensions
{
    public static string TrimStart(this string text, Func<char, bool> trim)
    {
        var start = 0;
        while (start < text.Length && trim(text[start]))
        {
            start++;
        }

        return text[start..];
    }

    public static string TrimEnd(this string text, Func<char, bool> trim)
    {
        var end = text.Length;
        while (end > 0 && trim(text[end - 1]))
        {
            end--;
        }

        return text[..end];
    }
}
