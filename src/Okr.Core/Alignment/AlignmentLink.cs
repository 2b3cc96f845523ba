using System.Globalization;
using Ardalis.GuardClauses;
using OneOf;

namespace Okr.Core;

/// <summary>What an alignment link points at.</summary>
public enum AlignmentTargetKind
{
    /// <summary>The link points at an objective.</summary>
    Objective = 0,

    /// <summary>The link points at a key result.</summary>
    KeyResult = 1,
}

/// <summary>
/// An upward alignment from a child (objective or key result) to a parent objective or key result,
/// with a <see cref="Weight"/> (0 = aligned but not counted). Whether it carries progress depends on the
/// parent: an objective with <see cref="ProgressSource.Children"/> or <see cref="ProgressSource.Both"/>, or a rollup key result.
/// </summary>
public sealed record AlignmentLink
{
    private AlignmentLink(AlignmentTargetKind targetKind, string targetId, double weight)
    {
        TargetKind = targetKind;
        TargetId = Guard.Against.NullOrWhiteSpace(targetId);
        Weight = OkrGuard.Weight(weight);
    }

    /// <summary>Whether the parent is an objective or a key result.</summary>
    public AlignmentTargetKind TargetKind { get; }

    /// <summary>The parent's id.</summary>
    public string TargetId { get; }

    /// <summary>The link's weight in the parent's rollup (finite, &gt;= 0; default 1).</summary>
    public double Weight { get; }

    /// <summary>A link to the objective <paramref name="objectiveId"/>.</summary>
    /// <param name="objectiveId">The parent objective's id.</param>
    /// <param name="weight">The link weight (default 1).</param>
    public static AlignmentLink ToObjective(string objectiveId, double weight = 1) => new(AlignmentTargetKind.Objective, objectiveId, weight);

    /// <summary>A link to the key result <paramref name="keyResultId"/>.</summary>
    /// <param name="keyResultId">The parent key result's id.</param>
    /// <param name="weight">The link weight (default 1).</param>
    public static AlignmentLink ToKeyResult(string keyResultId, double weight = 1) => new(AlignmentTargetKind.KeyResult, keyResultId, weight);

    /// <summary>
    /// A link built from user data (a form, an import): <c>OKR004</c> when <paramref name="targetId"/> is blank (a
    /// document's link to a blank id is an unknown reference too), <c>OKR005</c> when the weight is negative, NaN or
    /// infinite. <see cref="ToObjective"/> and <see cref="ToKeyResult"/> throw for the same values.
    /// </summary>
    /// <param name="targetKind">Whether the parent is an objective or a key result.</param>
    /// <param name="targetId">The parent's id.</param>
    /// <param name="weight">The link weight (default 1).</param>
    /// <param name="childId">The objective or key result the link belongs to, named in the findings (optional).</param>
    public static OneOf<AlignmentLink, OkrErrors> TryCreate(AlignmentTargetKind targetKind, string targetId, double weight = 1, string? childId = null)
    {
        Guard.Against.EnumOutOfRange(targetKind);
        Guard.Against.Null(targetId);
        var findings = new ItemFindings("link", childId ?? string.Empty);
        var subject = ItemFindings.UsableId(childId);
        var from = subject is null ? "A link" : $"The link of '{subject}'";
        var to = targetKind == AlignmentTargetKind.Objective ? "objective" : "key result";
        if (string.IsNullOrWhiteSpace(targetId))
        {
            findings.Add(OkrCodes.UnknownReference, $"{from} names a blank {to} id: name an existing {to}.");
        }

        if (!OkrGuard.IsWeight(weight))
        {
            var target = string.IsNullOrWhiteSpace(targetId) ? to : $"{to} '{ItemFindings.Shortened(targetId)}'";
            findings.Add(OkrCodes.InvalidNumber, $"{from} to {target} has weight {weight.ToString(CultureInfo.InvariantCulture)}: a weight is a finite number >= 0 (0 aligns without counting).");
        }

        return findings.Errors is { } errors ? errors : new AlignmentLink(targetKind, targetId, weight);
    }

    /// <summary>Returns a copy with another weight.</summary>
    /// <param name="weight">The new weight.</param>
    public AlignmentLink WithWeight(double weight) => new(TargetKind, TargetId, weight);
}
