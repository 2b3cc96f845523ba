using Ardalis.GuardClauses;
using OneOf;

namespace Okr.Core;

/// <summary>
/// Everything one evaluation needs: settings, periods, owners and objectives (with their key results and alignments),
/// in document order. Build it in code or read it from an okr/v1 document; evaluate it with <see cref="Evaluate(DateOnly)"/>.
/// </summary>
public sealed record OkrSet
{
    /// <summary>Creates a set. References and alignment are checked when it is compiled or evaluated.</summary>
    /// <param name="periods">The periods.</param>
    /// <param name="owners">The owners.</param>
    /// <param name="objectives">The objectives, in document order.</param>
    /// <param name="settings">Settings (default: <see cref="OkrSettings.Default"/>).</param>
    public OkrSet(IEnumerable<Period> periods, IEnumerable<Owner> owners, IEnumerable<Objective> objectives, OkrSettings? settings = null)
    {
        Periods = ValueArray.From(Guard.Against.Null(periods));
        Owners = ValueArray.From(Guard.Against.Null(owners));
        Objectives = ValueArray.From(Guard.Against.Null(objectives));
        ItemFindings.NoNullItems(Periods, nameof(periods));
        ItemFindings.NoNullItems(Owners, nameof(owners));
        ItemFindings.NoNullItems(Objectives, nameof(objectives));
        Settings = settings ?? OkrSettings.Default;
    }

    /// <summary>The settings.</summary>
    public OkrSettings Settings { get; }

    /// <summary>The periods.</summary>
    public ValueArray<Period> Periods { get; }

    /// <summary>The owners.</summary>
    public ValueArray<Owner> Owners { get; }

    /// <summary>The objectives, in document order.</summary>
    public ValueArray<Objective> Objectives { get; }

    /// <summary>Returns a copy with other settings.</summary>
    /// <param name="settings">The settings.</param>
    public OkrSet WithSettings(OkrSettings settings) => new(Periods, Owners, Objectives, Guard.Against.Null(settings));

    /// <summary>Returns a copy with <paramref name="objective"/> replacing the objective of the same id, or appended.</summary>
    /// <param name="objective">The objective.</param>
    public OkrSet WithObjective(Objective objective)
    {
        Guard.Against.Null(objective);
        var list = Objectives.AsImmutableArray();
        for (var i = 0; i < list.Length; i++)
        {
            if (list[i].Id == objective.Id)
            {
                return new OkrSet(Periods, Owners, list.SetItem(i, objective), Settings);
            }
        }

        return new OkrSet(Periods, Owners, list.Add(objective), Settings);
    }

    /// <summary>
    /// Compiles the alignment graph, or returns every reference, duplicate, cycle and rollup problem
    /// (OKR003, OKR004, OKR006, OKR008).
    /// </summary>
    public OneOf<AlignmentGraph, OkrErrors> TryCompile() => AlignmentGraph.TryBuild(this);

    /// <summary>Evaluates every objective and key result as of the end of <paramref name="asOf"/>, or returns the problems that prevent it.</summary>
    /// <param name="asOf">The day of evaluation.</param>
    public OneOf<OkrEvaluation, OkrErrors> TryEvaluate(DateOnly asOf) => TryCompile().MapT0(graph => graph.Evaluate(asOf));

    /// <summary>Evaluates as of the end of <paramref name="asOf"/>; throws <see cref="OkrValidationException"/> when the set is invalid.</summary>
    /// <param name="asOf">The day of evaluation.</param>
    public OkrEvaluation Evaluate(DateOnly asOf) => TryEvaluate(asOf).Match(e => e, errors => throw new OkrValidationException(errors));

    /// <summary>Evaluates as of today according to <paramref name="timeProvider"/> (its local time zone), or returns the problems that prevent it.</summary>
    /// <param name="timeProvider">The clock, e.g. <see cref="TimeProvider.System"/>.</param>
    public OneOf<OkrEvaluation, OkrErrors> TryEvaluate(TimeProvider timeProvider) => TryEvaluate(Today(timeProvider));

    /// <summary>Evaluates as of today according to <paramref name="timeProvider"/> (its local time zone); throws <see cref="OkrValidationException"/> when the set is invalid.</summary>
    /// <param name="timeProvider">The clock, e.g. <see cref="TimeProvider.System"/>.</param>
    public OkrEvaluation Evaluate(TimeProvider timeProvider) => Evaluate(Today(timeProvider));

    private static DateOnly Today(TimeProvider timeProvider) => DateOnly.FromDateTime(Guard.Against.Null(timeProvider).GetLocalNow().DateTime);
}
