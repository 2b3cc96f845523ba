using Ardalis.GuardClauses;
using OneOf;

namespace Okr.Core;

/// <summary>
/// A qualitative goal of an owner for a period, measured by its key results and/or the objectives aligned to it.
/// </summary>
public sealed record Objective
{
    /// <summary>
    /// Creates an objective; throws <see cref="OkrValidationException"/> with the findings <see cref="TryCreate"/> would
    /// return (a blank or too long id or title, a blank owner or period, a link given twice). Its key results are
    /// validated when they are created.
    /// </summary>
    /// <param name="id">The id (not blank, at most 200 characters; unique among objectives and key results).</param>
    /// <param name="title">The qualitative goal (not blank, at most 500 characters).</param>
    /// <param name="ownerId">The owner's id.</param>
    /// <param name="periodId">The period's id.</param>
    /// <param name="keyResults">Its key results, in order.</param>
    /// <param name="commitment">Aspirational (default) or committed.</param>
    /// <param name="progressFrom">Where the score comes from (default: key results).</param>
    /// <param name="alignsTo">Upward alignments to objectives or key results, each target once.</param>
    public Objective(
        string id,
        string title,
        string ownerId,
        string periodId,
        IEnumerable<KeyResult>? keyResults = null,
        Commitment commitment = Commitment.Aspirational,
        ProgressSource progressFrom = ProgressSource.KeyResults,
        IEnumerable<AlignmentLink>? alignsTo = null)
        : this(id, title, ownerId, periodId, ValueArray.From(keyResults), commitment, progressFrom, ValueArray.From(alignsTo), checkedAlready: false)
    {
    }

    private Objective(
        string id,
        string title,
        string ownerId,
        string periodId,
        ValueArray<KeyResult> keyResults,
        Commitment commitment,
        ProgressSource progressFrom,
        ValueArray<AlignmentLink> alignsTo,
        bool checkedAlready)
    {
        if (!checkedAlready && FindProblems(id, title, ownerId, periodId, keyResults, commitment, progressFrom, alignsTo).Errors is { } errors)
        {
            throw new OkrValidationException(errors);
        }

        Id = id;
        Title = title;
        OwnerId = ownerId;
        PeriodId = periodId;
        Commitment = commitment;
        ProgressFrom = progressFrom;
        KeyResults = keyResults;
        AlignsTo = alignsTo;
    }

    /// <summary>
    /// Creates an objective, or returns every finding about it, as a document reader would: OKR002 for an id or title
    /// that is blank or too long (200 and 500 characters) and for a link given twice (the same target, whatever the
    /// weights), OKR004 for a blank owner or period. Unknown owners, periods and link targets are found when the set is
    /// compiled. Only null arguments and undefined enum values throw.
    /// </summary>
    /// <param name="id">The id (not blank, at most 200 characters; unique among objectives and key results).</param>
    /// <param name="title">The qualitative goal (not blank, at most 500 characters).</param>
    /// <param name="ownerId">The owner's id.</param>
    /// <param name="periodId">The period's id.</param>
    /// <param name="keyResults">Its key results, in order.</param>
    /// <param name="commitment">Aspirational (default) or committed.</param>
    /// <param name="progressFrom">Where the score comes from (default: key results).</param>
    /// <param name="alignsTo">Upward alignments to objectives or key results, each target once.</param>
    public static OneOf<Objective, OkrErrors> TryCreate(
        string id,
        string title,
        string ownerId,
        string periodId,
        IEnumerable<KeyResult>? keyResults = null,
        Commitment commitment = Commitment.Aspirational,
        ProgressSource progressFrom = ProgressSource.KeyResults,
        IEnumerable<AlignmentLink>? alignsTo = null)
    {
        var keyResultArray = ValueArray.From(keyResults);
        var links = ValueArray.From(alignsTo);
        return FindProblems(id, title, ownerId, periodId, keyResultArray, commitment, progressFrom, links).Errors is { } errors
            ? errors
            : new Objective(id, title, ownerId, periodId, keyResultArray, commitment, progressFrom, links, checkedAlready: true);
    }

    /// <summary>The findings about the objective's own fields; throws for null arguments and undefined enum values.</summary>
    private static ItemFindings FindProblems(
        string id,
        string title,
        string ownerId,
        string periodId,
        ValueArray<KeyResult> keyResults,
        Commitment commitment,
        ProgressSource progressFrom,
        ValueArray<AlignmentLink> alignsTo)
    {
        Guard.Against.Null(id);
        Guard.Against.Null(title);
        Guard.Against.Null(ownerId);
        Guard.Against.Null(periodId);
        Guard.Against.EnumOutOfRange(commitment);
        Guard.Against.EnumOutOfRange(progressFrom);
        ItemFindings.NoNullItems(keyResults, nameof(keyResults));
        ItemFindings.NoNullItems(alignsTo, nameof(alignsTo));

        var findings = new ItemFindings("objective", id);
        findings.Text(id, "id", ItemFindings.MaxIdLength, "objective id");
        findings.Text(title, "title", ItemFindings.MaxTitleLength, "title");
        findings.Reference(ownerId, "owner");
        findings.Reference(periodId, "period");
        findings.Links(alignsTo.AsSpan(), keyResultsOnly: false);
        return findings;
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

    /// <summary>Returns a copy with another list of alignments; throws <see cref="OkrValidationException"/> when one repeats another.</summary>
    /// <param name="alignsTo">The alignments, each target once.</param>
    public Objective WithAlignsTo(IEnumerable<AlignmentLink> alignsTo) => new(Id, Title, OwnerId, PeriodId, KeyResults, Commitment, ProgressFrom, alignsTo);
}
