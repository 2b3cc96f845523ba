using Ardalis.GuardClauses;
using OneOf;

namespace Okr.Core;

/// <summary>
/// A measurable outcome of an objective: its <see cref="Definition"/> (kind and fields), a <see cref="Weight"/>
/// in its objective (0 = shown but not counted), its check-ins and upward alignments to other key results.
/// </summary>
public sealed record KeyResult
{
    private KeyResult(string id, string title, KeyResultDefinition definition, double weight, ValueArray<CheckIn> checkIns, ValueArray<AlignmentLink> alignsTo)
    {
        Id = id;
        Title = title;
        Definition = definition;
        Weight = weight;
        CheckIns = checkIns;
        AlignsTo = alignsTo;
    }

    /// <summary>The key result's id (unique among objectives and key results).</summary>
    public string Id { get; }

    /// <summary>The outcome measured, e.g. "Raise mobile NPS from 31 to 45".</summary>
    public string Title { get; }

    /// <summary>The kind and its fields.</summary>
    public KeyResultDefinition Definition { get; }

    /// <summary>The kind (shortcut for <c>Definition.Kind</c>).</summary>
    public KeyResultKind Kind => Definition.Kind;

    /// <summary>The weight in its objective's score (finite, &gt;= 0; 0 = shown but not counted).</summary>
    public double Weight { get; }

    /// <summary>The check-ins in the order they were given (ties on a day: the later one wins).</summary>
    public ValueArray<CheckIn> CheckIns { get; }

    /// <summary>Alignments to other key results (rollup key results count them).</summary>
    public ValueArray<AlignmentLink> AlignsTo { get; }

    /// <summary>
    /// Creates a key result, or returns every finding about it, as a document reader would: OKR002 for an id or title
    /// that is blank or too long (200 and 500 characters) and for a link that is given twice or names an objective (a
    /// key result aligns only to key results), OKR005 for a weight that is negative or not finite, OKR006 when the
    /// definition breaks its kind's rules (increase with target &lt;= baseline, min &gt; max, a milestone check-in other
    /// than 0 or 1, check-ins on a checklist or rollup, a checklist without items...). Only null arguments throw.
    /// </summary>
    /// <param name="id">The id (not blank; at most 200 characters).</param>
    /// <param name="title">The title (not blank; at most 500 characters).</param>
    /// <param name="definition">The kind and its fields.</param>
    /// <param name="weight">The weight in the objective (finite, &gt;= 0; default 1).</param>
    /// <param name="checkIns">Check-ins, in the order given.</param>
    /// <param name="alignsTo">Alignments, each target once; a key result may align only to key results.</param>
    public static OneOf<KeyResult, OkrErrors> TryCreate(
        string id,
        string title,
        KeyResultDefinition definition,
        double weight = 1,
        IEnumerable<CheckIn>? checkIns = null,
        IEnumerable<AlignmentLink>? alignsTo = null)
    {
        Guard.Against.Null(id);
        Guard.Against.Null(title);
        Guard.Against.Null(definition);
        var checkInArray = ValueArray.From(checkIns);
        var links = ValueArray.From(alignsTo);
        ItemFindings.NoNullItems(links, nameof(alignsTo));

        var findings = new ItemFindings("key result", id);
        findings.Text(id, "id", ItemFindings.MaxIdLength, "key result id");
        findings.Text(title, "title", ItemFindings.MaxTitleLength, "title");
        findings.Weight(weight);
        findings.Links(links.AsSpan(), keyResultsOnly: true);
        findings.ChecklistTitles(definition.Items.AsSpan());
        var problem = definition.FindProblem(checkInArray.Count, checkInArray.AsSpan(), static c => c.Value);
        if (problem is not null)
        {
            var named = findings.Named;
            findings.Add(OkrCodes.InvalidKeyResult, $"{char.ToUpperInvariant(named[0])}{named[1..]} ({KeyResultKinds.ToName(definition.Kind)}): {problem}.");
        }

        return findings.Errors is { } errors ? errors : new KeyResult(id, title, definition, weight + 0.0, checkInArray, links);
    }

    /// <summary>Creates a key result; throws <see cref="OkrValidationException"/> with the findings <see cref="TryCreate"/> would return.</summary>
    /// <param name="id">The id.</param>
    /// <param name="title">The title.</param>
    /// <param name="definition">The kind and its fields.</param>
    /// <param name="weight">The weight (default 1).</param>
    /// <param name="checkIns">Check-ins.</param>
    /// <param name="alignsTo">Alignments to key results.</param>
    public static KeyResult Create(
        string id,
        string title,
        KeyResultDefinition definition,
        double weight = 1,
        IEnumerable<CheckIn>? checkIns = null,
        IEnumerable<AlignmentLink>? alignsTo = null)
        => TryCreate(id, title, definition, weight, checkIns, alignsTo).Match(kr => kr, e => throw new OkrValidationException(e));

    /// <summary>Returns a copy with <paramref name="checkIn"/> added, or OKR006 when the kind does not take it.</summary>
    /// <param name="checkIn">The new check-in.</param>
    public OneOf<KeyResult, OkrErrors> TryWithCheckIn(CheckIn checkIn) => TryCreate(Id, Title, Definition, Weight, CheckIns.Add(checkIn), AlignsTo);

    /// <summary>Returns a copy with <paramref name="checkIn"/> added; throws <see cref="OkrValidationException"/> when the kind does not take it.</summary>
    /// <param name="checkIn">The new check-in.</param>
    public KeyResult WithCheckIn(CheckIn checkIn) => TryWithCheckIn(checkIn).Match(kr => kr, e => throw new OkrValidationException(e));

    /// <summary>Returns a copy with another weight.</summary>
    /// <param name="weight">The new weight (finite, &gt;= 0).</param>
    public KeyResult WithWeight(double weight) => new(Id, Title, Definition, OkrGuard.Weight(weight), CheckIns, AlignsTo);

    /// <summary>Returns a copy with another list of alignments; throws <see cref="OkrValidationException"/> when one names an objective or repeats another.</summary>
    /// <param name="alignsTo">The alignments (to key results only, each once).</param>
    public KeyResult WithAlignsTo(IEnumerable<AlignmentLink> alignsTo) => Create(Id, Title, Definition, Weight, CheckIns, alignsTo);

    /// <summary>
    /// Scores this key result on its own, as of the end of <paramref name="asOf"/>. A rollup key result
    /// scored alone has no contributors; evaluate an <see cref="OkrSet"/> to roll up.
    /// </summary>
    /// <param name="asOf">The day of evaluation.</param>
    public KeyResultScore Score(DateOnly asOf) => KeyResultScorer.Score(Definition, CheckIns.AsSpan(), asOf);

    /// <summary>The latest check-in on or before <paramref name="asOf"/> (ties: the later one given), or null.</summary>
    /// <param name="asOf">The day of evaluation.</param>
    public CheckIn? LatestCheckIn(DateOnly asOf)
    {
        var index = KeyResultScorer.LatestIndex(CheckIns.AsSpan(), asOf);
        return index < 0 ? null : CheckIns[index];
    }
}
