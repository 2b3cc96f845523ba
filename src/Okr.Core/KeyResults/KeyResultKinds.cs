namespace Okr.Core;

/// <summary>The okr/v1 names of key result kinds and rollup aggregates.</summary>
public static class KeyResultKinds
{
    /// <summary>The document name of <paramref name="kind"/> (<c>increase</c>, <c>atLeast</c>...).</summary>
    /// <param name="kind">The kind.</param>
    public static string ToName(KeyResultKind kind) => kind switch
    {
        KeyResultKind.Increase => "increase",
        KeyResultKind.Decrease => "decrease",
        KeyResultKind.AtLeast => "atLeast",
        KeyResultKind.AtMost => "atMost",
        KeyResultKind.Within => "within",
        KeyResultKind.Milestone => "milestone",
        KeyResultKind.Checklist => "checklist",
        KeyResultKind.Rollup => "rollup",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown key result kind."),
    };

    /// <summary>Parses a document kind name (case-sensitive).</summary>
    /// <param name="name">The name, e.g. <c>atMost</c>.</param>
    /// <param name="kind">The kind when known.</param>
    public static bool TryParse(string? name, out KeyResultKind kind)
    {
        foreach (var candidate in Enum.GetValues<KeyResultKind>())
        {
            if (string.Equals(ToName(candidate), name, StringComparison.Ordinal))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
