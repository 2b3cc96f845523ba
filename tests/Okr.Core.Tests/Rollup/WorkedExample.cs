namespace Okr.Core.Tests.Rollup;

/// <summary>The okr/v1 example document of spec section 8, built in code.</summary>
internal static class WorkedExample
{
    public static OkrSet Build() => new(
        [Period.Create("2026-Q4", D("2026-10-01"), D("2026-12-31"))],
        [new Owner("acme", "Acme"), new Owner("mobile", "Mobile team", "acme")],
        [
            new Objective("o-acme", "Win the mobile market", "acme", "2026-Q4",
                [KeyResult.Create("kr-rev", "Grow mobile revenue from 10 to 20 (million)", KeyResultDefinition.Increase(10, 20), 1, [new CheckIn(D("2026-11-01"), 14, 6)])],
                progressFrom: ProgressSource.Both),
            new Objective("o-mobile", "Delight mobile users", "mobile", "2026-Q4",
                [
                    KeyResult.Create("kr-nps", "Raise mobile NPS from 31 to 45", KeyResultDefinition.Increase(31, 45), 2, [new CheckIn(D("2026-10-08"), 33, 7, "beta shipped")]),
                    KeyResult.Create("kr-crash", "Cut crash rate from 2.0% to 0.5%", KeyResultDefinition.Decrease(2.0m, 0.5m), 1, []),
                    KeyResult.Create("kr-beta", "Beta cohort retained", KeyResultDefinition.AtLeast(40), 1, []),
                    KeyResult.Create("kr-steps", "Onboarding steps", KeyResultDefinition.Checklist(new ChecklistItem("New welcome flow", 1, D("2026-10-20")), new ChecklistItem("Push opt-in", 2, null))),
                ],
                Commitment.Aspirational,
                ProgressSource.KeyResults,
                [AlignmentLink.ToObjective("o-acme", 1)]),
        ]);
}
