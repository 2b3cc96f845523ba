namespace Okr.Core.Validation;

/// <summary>
/// What a rule may look at: the whole set, its compiled graph, its evaluation as of <see cref="AsOf"/>, and
/// lookups a rule commonly needs (periods, owners, objectives per owner and period).
/// </summary>
public sealed class OkrRuleContext
{
    private readonly Dictionary<string, Period> _periods = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Owner> _owners = new(StringComparer.Ordinal);

    /// <summary>Creates a context for an evaluation.</summary>
    /// <param name="evaluation">The evaluation (its graph and set come with it).</param>
    public OkrRuleContext(OkrEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        Evaluation = evaluation;
        foreach (var period in Set.Periods)
        {
            _periods.TryAdd(period.Id, period);
        }

        foreach (var owner in Set.Owners)
        {
            _owners.TryAdd(owner.Id, owner);
        }

        ObjectivesByOwnerAndPeriod = Set.Objectives
            .GroupBy(o => (o.OwnerId, o.PeriodId))
            .Select(g => new OwnerPeriodObjectives(g.Key.OwnerId, g.Key.PeriodId, ValueArray.From(g)))
            .ToArray();
    }

    /// <summary>The evaluation.</summary>
    public OkrEvaluation Evaluation { get; }

    /// <summary>The compiled alignment graph.</summary>
    public AlignmentGraph Graph => Evaluation.Graph;

    /// <summary>The OKR set evaluated (with the check-ins an <see cref="IncrementalEvaluator"/> recorded, for its snapshot).</summary>
    public OkrSet Set => Evaluation.Set;

    /// <summary>The settings (limits, stale days...).</summary>
    public OkrSettings Settings => Set.Settings;

    /// <summary>The day of evaluation.</summary>
    public DateOnly AsOf => Evaluation.AsOf;

    /// <summary>Objectives grouped by owner and period, groups in order of first appearance.</summary>
    public IReadOnlyList<OwnerPeriodObjectives> ObjectivesByOwnerAndPeriod { get; }

    /// <summary>The period <paramref name="id"/>.</summary>
    /// <param name="id">A period id.</param>
    public Period Period(string id) => _periods[id];

    /// <summary>The owner <paramref name="id"/>.</summary>
    /// <param name="id">An owner id.</param>
    public Owner Owner(string id) => _owners[id];

    /// <summary>The objective a key result belongs to, for a key result id.</summary>
    /// <param name="keyResultId">A key result id.</param>
    /// <exception cref="KeyNotFoundException">No key result has this id.</exception>
    public Objective ObjectiveOfKeyResult(string keyResultId)
    {
        var node = Graph.NodeOf(keyResultId);
        return !Graph.IsObjective(node) ? Evaluation.ObjectiveRecord(node) : throw new KeyNotFoundException($"'{keyResultId}' is not a key result.");
    }

    /// <summary>The objective <paramref name="id"/>.</summary>
    /// <param name="id">An objective id.</param>
    /// <exception cref="KeyNotFoundException">No objective has this id.</exception>
    public Objective Objective(string id)
    {
        var node = Graph.NodeOf(id);
        return Graph.IsObjective(node) ? Evaluation.ObjectiveRecord(node) : throw new KeyNotFoundException($"'{id}' is not an objective.");
    }
}

/// <summary>The objectives one owner has in one period, in document order.</summary>
/// <param name="OwnerId">The owner.</param>
/// <param name="PeriodId">The period.</param>
/// <param name="Objectives">Its objectives.</param>
public sealed record OwnerPeriodObjectives(string OwnerId, string PeriodId, ValueArray<Objective> Objectives)
{
    /// <summary>The owner.</summary>
    public string OwnerId { get; } = OwnerId;

    /// <summary>The period.</summary>
    public string PeriodId { get; } = PeriodId;

    /// <summary>Its objectives.</summary>
    public ValueArray<Objective> Objectives { get; } = Objectives;
}
