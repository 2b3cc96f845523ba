using Okr.Core;

namespace Okr.Samples.VendorEmbedding;

/// <summary>The host's OKRs for 2026-Q4, graded on Acme's own scale.</summary>
internal static class AcmeOkrs
{
    /// <summary>Acme's scale: "needs love" from 0, "progressing" from 0.4, "nailed it" from 0.75.</summary>
    public static GradingScale Scale { get; } = GradingScale.Create(
        new GradeBand(0, "needs love"),
        new GradeBand(0.4, "progressing"),
        new GradeBand(0.75, "nailed it"));

    public static OkrSet Build()
    {
        var settings = OkrSettings.Create(options => options.Scale = Scale);
        var quarter = Period.Quarter(2026, 4);
        return new OkrSet(
            [quarter],
            [new Owner("bakery", "Acme Bakery"), new Owner("shop-team", "Shop team", "bakery")],
            [
                new Objective(
                    "o-mornings",
                    "Win the morning rush",
                    "shop-team",
                    quarter.Id,
                    [
                        KeyResult.Create("kr-morning-sales", "Grow morning sales", KeyResultDefinition.Increase(15_000, 25_000)),
                        KeyResult.Create("kr-wait", "Cut the queue wait in minutes", KeyResultDefinition.Decrease(10, 4)),
                    ]),
                new Objective(
                    "o-app",
                    "Make ordering effortless",
                    "shop-team",
                    quarter.Id,
                    [
                        KeyResult.Create("kr-app", "Pre-order app is live", KeyResultDefinition.Milestone()),
                        KeyResult.Create("kr-orders", "Raise weekly app orders", KeyResultDefinition.Increase(100, 105)),
                    ]),
            ],
            settings);
    }
}
