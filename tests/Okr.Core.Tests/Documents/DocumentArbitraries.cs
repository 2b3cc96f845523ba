using FsCheck;
using FsCheck.Fluent;

namespace Okr.Core.Tests.Documents;

/// <summary>A damaged copy of the spec's example document: a few random byte edits.</summary>
public sealed record DamagedDocument(byte[] Bytes, string Edits);

/// <summary>Generators of valid OKR sets (acyclic alignments, every kind) and of damaged documents.</summary>
public static class DocumentArbitraries
{
    private static readonly DateOnly Start = new(2026, 10, 1);

    private static readonly byte[] Example = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Documents", "example.okr.json"));

    private static readonly byte[] Interesting = "{}[]\",:-.0123456789eEtrufalsn \\"u8.ToArray();

    private static Gen<decimal> Decimal() => Gen.Choose(-100_000, 100_000).Zip(Gen.Choose(0, 3)).Select(t => t.Item1 / (decimal)Math.Pow(10, t.Item2));

    private static Gen<double> Weight() => Gen.Elements(0.0, 0.5, 1.0, 1.0, 2.0, 3.25, 0.1);

    private static Gen<DateOnly> Day() => Gen.Choose(-20, 110).Select(d => Start.AddDays(d));

    private static Gen<CheckIn> CheckIn(bool milestone) =>
        from day in Day()
        from value in milestone ? Gen.Elements(0m, 1m, 1.0m) : Decimal()
        from confidence in Gen.Choose(-1, 10)
        from note in Gen.Elements<string?>(null, "on track", "blocked by \"legal\" 🚧")
        select new CheckIn(day, value, confidence < 0 ? null : confidence, note);

    private static Gen<KeyResultDefinition> Definition(bool sumAllowed) =>
        Gen.Choose(0, sumAllowed ? 8 : 7).SelectMany(kind => kind switch
        {
            0 => from b in Decimal() from d in Gen.Choose(1, 500) select KeyResultDefinition.Increase(b, b + d),
            1 => from b in Decimal() from d in Gen.Choose(1, 500) select KeyResultDefinition.Decrease(b, b - d),
            2 => Decimal().Select(KeyResultDefinition.AtLeast),
            3 => Decimal().Select(KeyResultDefinition.AtMost),
            4 => from a in Decimal() from d in Gen.Choose(0, 50) select KeyResultDefinition.Within(a, a + d),
            5 => Gen.Constant(KeyResultDefinition.Milestone()),
            6 => from n in Gen.Choose(1, 4)
                 from items in Gen.ListOf(from w in Gen.Elements(1.0, 2.0, 0.5) from done in Gen.Choose(-1, 100) select new ChecklistItem("item", w, done < 0 ? null : Start.AddDays(done)), n)
                 select KeyResultDefinition.Checklist(items.Count == 0 ? [new ChecklistItem("only")] : items),
            7 => Gen.Constant(KeyResultDefinition.RollupMean()),
            _ => from b in Decimal() from d in Gen.Choose(1, 500) select KeyResultDefinition.RollupSum(b, b + d),
        });

    public static Arbitrary<OkrSet> OkrSet() => SetGen().ToArbitrary();

    public static Arbitrary<DamagedDocument> DamagedDocument() =>
        (from count in Gen.Choose(1, 6)
         from edits in Gen.ListOf(from kind in Gen.Choose(0, 3) from at in Gen.Choose(0, Example.Length - 1) from length in Gen.Choose(1, 40) from b in Gen.Elements(Interesting) select (kind, at, length, b), count)
         select Damage(edits)).ToArbitrary();

    private static DamagedDocument Damage(IEnumerable<(int Kind, int At, int Length, byte Byte)> edits)
    {
        var bytes = Example.ToList();
        var log = new List<string>();
        foreach (var (kind, atRaw, length, b) in edits)
        {
            var at = Math.Min(atRaw, Math.Max(0, bytes.Count - 1));
            switch (kind)
            {
                case 0:
                    bytes.RemoveRange(at, Math.Min(length, bytes.Count - at));
                    log.Add($"delete {length}@{at}");
                    break;
                case 1:
                    bytes.InsertRange(at, bytes.Skip(at).Take(length).ToList());
                    log.Add($"duplicate {length}@{at}");
                    break;
                case 2 when bytes.Count > 0:
                    bytes[at] = b;
                    log.Add($"set {(char)b}@{at}");
                    break;
                default:
                    bytes.Insert(at, b);
                    log.Add($"insert {(char)b}@{at}");
                    break;
            }
        }

        return new DamagedDocument([.. bytes], string.Join(", ", log));
    }

    private static Gen<OkrSet> SetGen() =>
        from objectiveCount in Gen.Choose(1, 5)
        from plan in Gen.ListOf(ObjectivePlan(), objectiveCount)
        from settings in Settings()
        select Assemble(plan.ToList(), settings);

    private sealed record ObjectivePlanItem(
        string Title, bool Committed, ProgressSource Progress, int Period, int Owner,
        List<(KeyResultDefinition Definition, double Weight, List<CheckIn> CheckIns, int? AlignTo, double LinkWeight)> KeyResults,
        List<(bool ToKeyResult, int Target, double Weight)> Links);

    private static Gen<ObjectivePlanItem> ObjectivePlan() =>
        from title in Gen.Elements("Delight users", "Grow \"revenue\"", "Ship faster ✨", "Be the best")
        from committed in Gen.Elements(true, false)
        from progress in Gen.Elements(ProgressSource.KeyResults, ProgressSource.Children, ProgressSource.Both)
        from period in Gen.Choose(0, 1)
        from owner in Gen.Choose(0, 2)
        from krCount in Gen.Choose(0, 4)
        from keyResults in Gen.ListOf(
            from definition in Definition(sumAllowed: true)
            from weight in Weight()
            from checkInCount in Gen.Choose(0, definition.IsMeasured ? 4 : 0)
            from checkIns in Gen.ListOf(CheckIn(definition.Kind == KeyResultKind.Milestone), checkInCount)
            from alignTo in Gen.Choose(-1, 30)
            from linkWeight in Weight()
            select (definition, weight, checkIns.ToList(), alignTo < 0 ? (int?)null : alignTo, linkWeight),
            krCount)
        from linkCount in Gen.Choose(0, 2)
        from links in Gen.ListOf(from toKr in Gen.Elements(true, false) from target in Gen.Choose(0, 30) from w in Weight() select (toKr, target, w), linkCount)
        select new ObjectivePlanItem(title, committed, progress, period, owner, keyResults.ToList(), links.ToList());

    private static Gen<OkrSettings> Settings() =>
        from useDefault in Gen.Elements(true, false)
        from target in Gen.Elements(0.6, 0.7, 1.0)
        from worst in Gen.Elements(true, false)
        from rule in Gen.Elements("OKR201", "OKR104")
        select useDefault ? OkrSettings.Default : OkrSettings.Create(o =>
        {
            o.AspirationalTarget = target;
            o.ObjectiveStatus = worst ? ObjectiveStatusMode.Worst : ObjectiveStatusMode.Pace;
            o.Scale = GradingScale.Create(new GradeBand(0, "low"), new GradeBand(0.5, "high"));
            o.Limits = new QualityLimits(3, 1, 4, 7);
            o.Rules[rule] = RuleSeverity.Off;
        });

    /// <summary>Builds the set; links only point at earlier objectives (and their key results), so there is no cycle.</summary>
    private static OkrSet Assemble(List<ObjectivePlanItem> plan, OkrSettings settings)
    {
        var periods = new[] { Period.Quarter(2026, 4), Period.Create("H2", new DateOnly(2026, 7, 1), new DateOnly(2026, 12, 31)) };
        var owners = new[] { new Owner("acme", "Acme \"Inc\""), new Owner("team", null, "acme"), new Owner("me", "Me", "team") };
        var objectives = new List<Objective>();
        var earlierKeyResults = new List<KeyResult>();
        for (var i = 0; i < plan.Count; i++)
        {
            var p = plan[i];
            var keyResults = new List<KeyResult>();
            for (var k = 0; k < p.KeyResults.Count; k++)
            {
                var (definition, weight, checkIns, alignTo, linkWeight) = p.KeyResults[k];
                var links = new List<AlignmentLink>();
                if (alignTo is { } target && earlierKeyResults.Count > 0)
                {
                    var parent = earlierKeyResults[target % earlierKeyResults.Count];
                    var fits = parent.Kind == KeyResultKind.Rollup && parent.Definition.Aggregate == RollupAggregate.Sum ? definition.IsSummable : true;
                    if (fits)
                    {
                        links.Add(AlignmentLink.ToKeyResult(parent.Id, linkWeight));
                    }
                }

                keyResults.Add(KeyResult.Create($"kr-{i}-{k}", $"Key result {i}.{k}", definition, weight, checkIns, links));
            }

            var objectiveLinks = new List<AlignmentLink>();
            if (i > 0)
            {
                foreach (var (toKeyResult, target, weight) in p.Links)
                {
                    var link = toKeyResult && earlierKeyResults.Count > 0
                        ? earlierKeyResults[target % earlierKeyResults.Count] is { } parent && !(parent.Kind == KeyResultKind.Rollup && parent.Definition.Aggregate == RollupAggregate.Sum)
                            ? AlignmentLink.ToKeyResult(parent.Id, weight)
                            : null
                        : AlignmentLink.ToObjective($"o-{target % i}", weight);
                    if (link is not null && objectiveLinks.All(l => l.TargetId != link.TargetId))
                    {
                        objectiveLinks.Add(link);
                    }
                }
            }

            objectives.Add(new Objective($"o-{i}", p.Title, owners[p.Owner].Id, periods[p.Period].Id, keyResults,
                p.Committed ? Commitment.Committed : Commitment.Aspirational, p.Progress, objectiveLinks));
            earlierKeyResults.AddRange(keyResults);
        }

        return new OkrSet(periods, owners, objectives, settings);
    }
}
