using Okr.Core;

var q4 = Period.Quarter(2026, 4);
var nps = KeyResult.Create("kr-nps", "Raise mobile NPS from 31 to 45", KeyResultDefinition.Increase(31, 45),
    checkIns: [new CheckIn(new DateOnly(2026, 10, 8), 33, confidence: 7)]);
var objective = new Objective("o-mobile", "Delight mobile users", "mobile", q4.Id, [nps]);
var set = new OkrSet([q4], [new Owner("mobile", "Mobile team")], [objective]);
var result = set.Evaluate(new DateOnly(2026, 11, 15)).Objective("o-mobile");
Console.WriteLine($"{result.Id}: {result.Score:0.00} {result.Grade} {result.Status}");
