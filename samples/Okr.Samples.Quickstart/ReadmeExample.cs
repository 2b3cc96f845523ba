using Okr.Core;

namespace Okr.Samples.Quickstart;

/// <summary>
/// The example at the top of the repository's README.md, kept here so it is compiled on every build.
/// Run it with: dotnet run --project samples/Okr.Samples.Quickstart -- readme
/// </summary>
internal static class ReadmeExample
{
    public static void Run()
    {
        // README example: begin
        var q4 = Period.Quarter(2026, 4); // 2026-Q4: 2026-10-01 .. 2026-12-31
        var wait = KeyResult.Create("kr-wait", "Cut the average wait from 12 to 4 minutes", KeyResultDefinition.Decrease(12, 4),
            checkIns: [new CheckIn(new DateOnly(2026, 10, 20), 9, confidence: 7), new CheckIn(new DateOnly(2026, 11, 10), 7, confidence: 5)]);
        var rating = KeyResult.Create("kr-rating", "Keep the review rating at 4.5 stars", KeyResultDefinition.AtLeast(4.5m),
            checkIns: [new CheckIn(new DateOnly(2026, 11, 12), 4.6m, confidence: 8)]);
        var shop = new Objective("o-shop", "Make every visit a delight", "shop", q4.Id, [wait, rating]);
        var set = new OkrSet([q4], [new Owner("shop", "Shop team")], [shop]);
        var result = set.Evaluate(new DateOnly(2026, 11, 15)).Objective("o-shop");
        Console.WriteLine($"{result.Id}: {result.Score:0.00} {result.Grade} {result.Status}"); // o-shop: 0.81 green OnTrack
        // README example: end
    }
}
