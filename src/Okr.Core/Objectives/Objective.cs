using Ardalis.GuardClauses;

namespace Okr.Core;

/// <summary>
/// A qualitative goal of an owner for a period, measured by its key results and/or the objectives aligned to it.
/// </summary>
public sealed record Objective
{
    /// <summary>Creates an objective. Its key results are validated when they are created.</summary>
    /// <param name="id">The id (not blank; unique among objectives and key results).</param>
    /// <param name="title">The qualitative goal (not blank).</param>
    /// <param name="ownerId">The owner's id.</param>
    /// <param name="periodId">The period's id.</param>
    /// <param name="keyResults">Its key results, in order.</param>
    /// <param name="commitment">Aspirational (default) or committed.</param>
    /// <param name="progressFrom">Where the score comes from (default: key results).</param>
    /// <param name="alignsTo">Upward alignments to objectives or key results.</param>
    public Objective(
        string id,
        string title,
        string ownerId,
        string periodId,
        IEnumerable<KeyResult>? keyResults = null,
        Commitment commitment = Commitment.Aspirational,
        ProgressSource progressFrom = ProgressSource.KeyResults,
        IEnumerable<AlignmentLink>? alignsTo = null)
    {
        Id = Guard.Against.NullOrWhiteSpace(id);
        Title = Guard.Against.NullOrWhiteSpace(title);
        OwnerId = Guard.Against.NullOrWhiteSpace(ownerId);
        PeriodId = Guard.Against.NullOrWhiteSpace(periodId);
        Commitment = Guard.Against.EnumOutOfRange(commitment);
        ProgressFrom = Guard.Against.EnumOutOfRange(progressFrom);
        KeyResults = ValueArray.From(keyResults);
        AlignsTo = ValueArray.From(alignsTo);
        foreach (var keyResult in KeyResults)
        {
            Guard.Against.Null(keyResult, nameof(keyResults));
        }
    }

    /// <summary>The objective's id.</summary>
    public string Id { get; }

    /// <summary>The qualitative goal.</summary>
    public string Title { get; }

    /// <summary>The owner's id.</summary>
    public string OwnerId { get; }

    /// <summary>The period's id.</summary>
    public string PeriodId { get; }

    /// <summary>Aspirational or committed.</summary>
    public Commitment Commitment { get; }

    /// <summary>Where the score comes from.</summary>
    public ProgressSource ProgressFrom { get; }

    /// <summary>Its key results, in order.</summary>
    public ValueArray<KeyResult> KeyResults { get; }

    /// <summary>Its upward alignments.</summary>
    public ValueArray<AlignmentLink> AlignsTo { get; }

    /// <summary>Returns a copy with <paramref name="keyResult"/> replacing the key result of the same id, or appended.</summary>
    /// <param name="keyResult">The key result.</param>
    public Objective WithKeyResult(KeyResult keyResult)
    {
        Guard.Against.Null(keyResult);
        var list = KeyResults.AsImmutableArray();
        for (var i = 0; i < list.Length; i++)
        {
            if (list[i].Id == keyResult.Id)
            {
                return WithKeyResults(list.SetItem(i, keyResult));
            }
        }

        return WithKeyResults(list.Add(keyResult));
    }

    /// <summary>Returns a copy with another list of key results.</summary>
    /// <param name="keyResults">The key results.</param>
    public Objective WithKeyResults(IEnumerable<KeyResult> keyResults) => new(Id, Title, OwnerId, PeriodId, keyResults, Commitment, ProgressFrom, AlignsTo);

    /// <summary>Returns a copy with another list of alignments.</summary>
    /// <param name="alignsTo">The alignments.</param>
    public Objective WithAlignsTo(IEnumerable<AlignmentLink> alignsTo) => new(Id, Title, OwnerId, PeriodId, KeyResults, Commitment, ProgressFrom, alignsTo);
}
