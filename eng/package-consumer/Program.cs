using Okr.Core;
using Okr.Core.Documents;

// Scores the spec's worked example built in code, then reads it back from its own okr/v1 document.
var q4 = Period.Quarter(2026, 4);
var nps = KeyResult.Create("kr-nps", "Raise mobile NPS from 31 to 45", KeyResultDefinition.Increase(31, 45), 2,
    [new CheckIn(new DateOnly(2026, 10, 8), 33, confidence: 7)]);
var steps = KeyResult.Create("kr-steps", "Onboarding steps", KeyResultDefinition.Checklist(
    new ChecklistItem("New welcome flow", doneOn: new DateOnly(2026, 10, 20)), new ChecklistItem("Push opt-in", 2)));
var set = new OkrSet([q4], [new Owner("mobile")], [new Objective("o-mobile", "Delight mobile users", "mobile", q4.Id, [nps, steps])]);

var asOf = new DateOnly(2026, 11, 15);
var score = set.Evaluate(asOf).Objective("o-mobile").Score;
var roundTripped = OkrDocument.Read(OkrDocument.Write(set)).Evaluate(asOf).Objective("o-mobile").Score;
Console.WriteLine($"Okr.Core package: o-mobile scores {score} (after a document round trip: {roundTripped})");
return score == roundTripped && score is > 0.2 and < 0.21 ? 0 : 1;
