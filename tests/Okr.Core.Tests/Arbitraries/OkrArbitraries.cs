using FsCheck;
using FsCheck.Fluent;

namespace Okr.Core.Tests.Arbitraries;

/// <summary>An increase key result: baseline != target, a current value, and a value moved from current toward the target.</summary>
public sealed record MeasureCase(decimal Baseline, decimal Target, decimal Current, decimal Closer);

/// <summary>Scores in [0, 1] (thousandths) with positive weights; at least one item.</summary>
public sealed record WeightedScores(int[] Permilles, double[] Weights);

/// <summary>Two scores a &lt;= b in [0, 1].</summary>
public sealed record ScorePair(double Low, double High);

/// <summary>A day from a month before 2026-Q4 to a month after it.</summary>
public sealed record AsOfDay(DateOnly Day, DateOnly Later);

/// <summary>
/// A random DAG of objectives: objective i aligns to parents among 0..i-1 (so no cycle), each has one key result
/// (an increase 0 -> 100 with an optional check-in) and takes progress from children or both.
/// </summary>
public sealed record DagCase(int Count, int[][] Parents, double[][] LinkWeights, bool[] Both, int?[] Percents, bool Worst);

/// <summary>A DAG plus a list of check-ins to record afterwards: (objective index, day offset in Q4, value, confidence).</summary>
public sealed record CheckInPlan(DagCase Dag, (int Objective, int Day, int Value, int? Confidence)[] CheckIns);

/// <summary>A single key result of any non-rollup kind with random check-ins.</summary>
public sealed record AnyKeyResult(KeyResult KeyResult, DateOnly AsOf);

public static class OkrArbitraries
{
    private static readonly DateOnly Start = new(2026, 10, 1);

    private static Gen<decimal> Value(int lo, int hi) => Gen.Choose(lo * 10, hi * 10).Select(v => v / 10m);

    public static Arbitrary<MeasureCase> MeasureCase() =>
        (from baseline in Value(-100, 100)
         from delta in Value(1, 100)
         from current in Value(-300, 300)
         from step in Gen.Choose(0, 100)
         let target = baseline + delta
         select new MeasureCase(baseline, target, current, current + ((target - current) * step / 100m))).ToArbitrary();

    public static Arbitrary<WeightedScores> WeightedScores() =>
        (from n in Gen.Choose(1, 8)
         from scores in Gen.ArrayOf(Gen.Choose(0, 1000), n)
         from weights in Gen.ArrayOf(Gen.Elements(0.1, 0.25, 0.5, 1.0, 2.0, 3.0, 7.0), n)
         select new WeightedScores(scores, weights)).ToArbitrary();

    public static Arbitrary<ScorePair> ScorePair() =>
        (from a in Gen.Choose(0, 10000)
         from b in Gen.Choose(0, 10000)
         select new ScorePair(Math.Min(a, b) / 10000.0, Math.Max(a, b) / 10000.0)).ToArbitrary();

    public static Arbitrary<AsOfDay> AsOfDay() =>
        (from a in Gen.Choose(-31, 123)
         from extra in Gen.Choose(0, 60)
         select new AsOfDay(Start.AddDays(a), Start.AddDays(a + extra))).ToArbitrary();

    private static Gen<DagCase> Dag() =>
        from n in Gen.Choose(1, 8)
        from parents in Gen.CollectToArray(Enumerable.Range(0, n), i => i == 0
            ? Gen.Constant(Array.Empty<int>())
            : Gen.SubListOf(Enumerable.Range(0, i).ToArray()).Select(l => l.Take(3).ToArray()))
        from weights in Gen.CollectToArray(parents, p => Gen.ArrayOf(Gen.Elements(0.0, 0.5, 1.0, 2.0), p.Length))
        from both in Gen.ArrayOf(Gen.Elements(true, false), n)
        from percents in Gen.ArrayOf(Gen.OneOf(Gen.Constant((int?)null), Gen.Choose(0, 120).Select(v => (int?)v)), n)
        from worst in Gen.Elements(true, false)
        select new DagCase(n, parents, weights, both, percents, worst);

    public static Arbitrary<DagCase> DagCase() => Dag().ToArbitrary();

    public static Arbitrary<CheckInPlan> CheckInPlan() =>
        (from dag in Dag()
         from k in Gen.Choose(1, 6)
         from checkIns in Gen.ArrayOf(
             from o in Gen.Choose(0, dag.Count - 1)
             from day in Gen.Choose(0, 60)
             from value in Gen.Choose(0, 120)
             from confidence in Gen.OneOf(Gen.Constant((int?)null), Gen.Choose(0, 10).Select(c => (int?)c))
             select (o, day, value, confidence),
             k)
         select new CheckInPlan(dag, checkIns)).ToArbitrary();

    public static Arbitrary<AnyKeyResult> AnyKeyResult()
    {
        var definitions = Gen.OneOf(
            Gen.Constant(KeyResultDefinition.Increase(10, 20)),
            Gen.Constant(KeyResultDefinition.Decrease(2.0m, 0.5m)),
            Gen.Constant(KeyResultDefinition.AtLeast(40)),
            Gen.Constant(KeyResultDefinition.AtMost(5)),
            Gen.Constant(KeyResultDefinition.Within(3, 7)),
            Gen.Constant(KeyResultDefinition.Milestone()),
            Gen.ArrayOf(from w in Gen.Choose(1, 3) from d in Gen.Choose(-5, 100) select new ChecklistItem("i", w, d > 90 ? null : Start.AddDays(d)), 3)
                .Select(items => KeyResultDefinition.Checklist(items)));
        return (from definition in definitions
                from n in Gen.Choose(0, 4)
                from days in Gen.ArrayOf(Gen.Choose(-10, 100), n)
                from values in Gen.ArrayOf(definition.Kind == KeyResultKind.Milestone ? Gen.Choose(0, 1) : Gen.Choose(0, 50), n)
                from asOf in Gen.Choose(-20, 110)
                let checkIns = definition.IsMeasured ? days.Select((d, i) => new CheckIn(Start.AddDays(d), values[i], i % 3 == 0 ? null : i)).ToArray() : []
                select new AnyKeyResult(KeyResult.Create("kr", "KR", definition, 1, checkIns), Start.AddDays(asOf))).ToArbitrary();
    }

    /// <summary>The objectives of a DAG case, in index order; objective i is "o{i}" with key result "k{i}".</summary>
    public static Objective[] Objectives(DagCase dag, double extraZeroLinkFrom = -1)
    {
        var objectives = new Objective[dag.Count];
        for (var i = 0; i < dag.Count; i++)
        {
            var links = dag.Parents[i].Select((p, l) => AlignmentLink.ToObjective("o" + p, dag.LinkWeights[i][l])).ToList();
            // The extra link goes to the first earlier objective not linked yet (a link given twice is OKR002).
            var unlinked = Enumerable.Range(0, i).Where(p => !dag.Parents[i].Contains(p)).Select(p => (int?)p).FirstOrDefault();
            if (extraZeroLinkFrom == i && unlinked is { } target)
            {
                links.Add(AlignmentLink.ToObjective("o" + target, 0));
            }

            objectives[i] = new Objective("o" + i, "O", "acme", "2026-Q4", [KeyOf(dag, i, "k" + i)], Commitment.Aspirational,
                dag.Both[i] ? ProgressSource.Both : ProgressSource.Children, links);
        }

        return objectives;
    }

    public static KeyResult KeyOf(DagCase dag, int i, string id) => KeyResult.Create(id, "K", KeyResultDefinition.Increase(0, 100), 1,
        dag.Percents[i] is { } p ? [new CheckIn(Start.AddDays(3), p, p % 11)] : []);

    public static OkrSettings SettingsOf(DagCase dag) => dag.Worst ? OkrSettings.Create(o => o.ObjectiveStatus = ObjectiveStatusMode.Worst) : OkrSettings.Default;
}
