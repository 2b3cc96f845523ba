// Quickstart: one quarter of a small bakery, built in code, scored as of a fixed day.
// Run it with: dotnet run --project samples/Okr.Samples.Quickstart
using System.Globalization;
using System.Text;
using Okr.Core;
using Okr.Samples.Quickstart;

if (args is ["readme"])
{
    ReadmeExample.Run(); // the ten lines at the top of README.md
    return 0;
}

if (args.Length > 0)
{
    Console.Error.WriteLine($"quickstart: unexpected arguments '{string.Join(' ', args)}'. Run it with no arguments, or with just 'readme' for the README's example.");
    return 2;
}

// 1. The period, the owners and a fixed "as of" day, so the output never changes.
var q4 = Period.Quarter(2026, 4); // 2026-Q4: 2026-10-01 .. 2026-12-31, 92 days
var asOf = new DateOnly(2026, 11, 15); // end of day 46 of 92: elapsed 0.5
Owner[] owners =
[
    new("crumb", "Crumb & Co."),
    new("shop", "Shop team", parentId: "crumb"),
    new("online", "Online team", parentId: "crumb"),
];

// 2. The company objective counts its own key results and the team objectives aligned to it ("both").
var company = new Objective(
    "o-company", "Become the neighbourhood's favourite bakery", "crumb", q4.Id,
    [
        KeyResult.Create("kr-revenue", "Grow monthly revenue from 100k to 150k", KeyResultDefinition.Increase(100, 150),
            checkIns: [new CheckIn(new DateOnly(2026, 10, 31), 112, confidence: 6), new CheckIn(new DateOnly(2026, 11, 14), 121, confidence: 6)]),
        KeyResult.Create("kr-members", "Grow the loyalty club from 0 to 2,000 members", KeyResultDefinition.RollupSum(0, 2000)),
    ],
    progressFrom: ProgressSource.Both);

// 3. Two team objectives align to it; some of their key results also feed the sum rollup above.
var shop = new Objective(
    "o-shop", "Make every visit a delight", "shop", q4.Id,
    [
        KeyResult.Create("kr-wait", "Cut the average wait from 12 to 4 minutes", KeyResultDefinition.Decrease(12, 4), weight: 2,
            checkIns: [new CheckIn(new DateOnly(2026, 10, 20), 9, confidence: 7), new CheckIn(new DateOnly(2026, 11, 10), 7, confidence: 5)]),
        KeyResult.Create("kr-rating", "Keep the review rating at 4.5 stars", KeyResultDefinition.AtLeast(4.5m),
            checkIns: [new CheckIn(new DateOnly(2026, 11, 12), 4.6m, confidence: 8)]),
        KeyResult.Create("kr-oven", "Second oven in service", KeyResultDefinition.Milestone(),
            checkIns: [new CheckIn(new DateOnly(2026, 11, 5), 0, confidence: 3, note: "supplier delayed")]),
        KeyResult.Create("kr-shop-members", "Sign up 1,200 members in the shop", KeyResultDefinition.Increase(0, 1200),
            checkIns: [new CheckIn(new DateOnly(2026, 11, 13), 540, confidence: 7)],
            alignsTo: [AlignmentLink.ToKeyResult("kr-members")]),
    ],
    alignsTo: [AlignmentLink.ToObjective("o-company")]);

var online = new Objective(
    "o-online", "Bring the bakery online", "online", q4.Id,
    [
        KeyResult.Create("kr-webshop", "Web shop ready for orders", KeyResultDefinition.Checklist(
            new ChecklistItem("Menu online", doneOn: new DateOnly(2026, 10, 12)),
            new ChecklistItem("Card payments", weight: 2, doneOn: new DateOnly(2026, 11, 9)),
            new ChecklistItem("Delivery partner"))),
        KeyResult.Create("kr-orders", "Grow online orders from 0 to 400 a week", KeyResultDefinition.Increase(0, 400),
            checkIns: [new CheckIn(new DateOnly(2026, 11, 14), 90, confidence: 4)]),
        KeyResult.Create("kr-online-members", "Sign up 800 members online", KeyResultDefinition.Increase(0, 800),
            checkIns: [new CheckIn(new DateOnly(2026, 11, 14), 300, confidence: 2)],
            alignsTo: [AlignmentLink.ToKeyResult("kr-members")]),
    ],
    commitment: Commitment.Committed, // committed: success is 1.0, not 0.7
    alignsTo: [AlignmentLink.ToObjective("o-company")]);

// 4. Evaluate. TryEvaluate returns the evaluation or every validation error (cycles, unknown ids, ...).
var set = new OkrSet([q4], owners, [company, shop, online]);
var evaluation = set.TryEvaluate(asOf).Match(
    result => result,
    errors => throw new InvalidOperationException(errors.ToString()));

// 5. Print a table: objectives, then their key results indented.
//    The evaluation carries ids and numbers; titles and kinds come from the set itself.
var titles = set.Objectives.ToDictionary(o => o.Id, o => o.Title);
var keyResults = set.Objectives.SelectMany(o => o.KeyResults).ToDictionary(kr => kr.Id);
var rows = new List<string[]>();
foreach (var objective in evaluation.Objectives)
{
    rows.Add([titles[objective.Id], "objective", Number(objective.Score), objective.Grade ?? "-", OkrStatusNames.ToName(objective.Status), "", Bar(objective.Score)]);
    foreach (var kr in objective.KeyResults)
    {
        var definition = keyResults[kr.Id].Definition;
        var kind = KeyResultKinds.ToName(kr.Kind) + (definition.Aggregate is { } aggregate ? " " + aggregate.ToString().ToLowerInvariant() : "");
        var confidence = kr.Confidence?.ToString(CultureInfo.InvariantCulture) ?? "-";
        rows.Add(["  " + keyResults[kr.Id].Title, kind, Number(kr.Score), kr.Grade ?? "-", OkrStatusNames.ToName(kr.Status), confidence, Bar(kr.Score)]);
    }
}

Console.WriteLine($"Crumb & Co. {q4.Id}, as of {asOf:yyyy-MM-dd} (elapsed {q4.ElapsedAsOf(asOf):0.00})");
Console.WriteLine();
Console.Write(Table(["Objective / key result", "Kind", "Score", "Grade", "Status", "Conf", "Progress"], rows));
Console.WriteLine();

// 6. Explain a score: which items counted, with what weight, and how much each adds to the mean.
var why = evaluation.Explain("o-company");
var parts = why.Contributions.Select(c => $"{c.ItemId} {Exact(c.Score)} (weight {Exact(c.Weight)}) adds {Exact(c.Share)}");
Console.WriteLine($"Why is o-company {Exact(why.Score)}? Weighted mean of {why.Contributions.Count} items: {string.Join(", ", parts)}.");
return 0;

static string Number(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "-";

static string Exact(double? value) => value is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : "-";

static string Bar(double? score, int width = 20)
{
    if (score is not { } s)
    {
        return "[" + new string(' ', width) + "]";
    }

    var filled = (int)Math.Round(s * width, MidpointRounding.AwayFromZero);
    return "[" + new string('#', filled) + new string('.', width - filled) + "]";
}

static string Table(string[] header, List<string[]> rows)
{
    var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Prepend(h.Length).Max()).ToArray();
    var text = new StringBuilder();
    void Line(string[] cells)
    {
        // Numbers (score, confidence) align right; text aligns left.
        var padded = cells.Select((c, i) => i is 2 or 5 ? c.PadLeft(widths[i]) : c.PadRight(widths[i]));
        text.Append(string.Join("  ", padded).TrimEnd()).Append('\n');
    }

    Line(header);
    Line(widths.Select(w => new string('-', w)).ToArray());
    rows.ForEach(Line);
    return text.ToString();
}
