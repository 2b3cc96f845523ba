using System.Globalization;

namespace Okr.Core.Tests;

/// <summary>Small builders so each test shows only the numbers it is about.</summary>
internal static class Build
{
    public static DateOnly D(string day) => DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>2026-10-01..2026-12-31: 92 days; 2026-11-15 is day 46 (elapsed exactly 0.5).</summary>
    public static Period Q4 { get; } = Period.Create("2026-Q4", D("2026-10-01"), D("2026-12-31"));

    public static DateOnly Mid { get; } = D("2026-11-15");

    public static DateOnly AfterEnd { get; } = D("2027-01-01");

    public static DateOnly BeforeStart { get; } = D("2026-09-30");

    public static CheckIn C(string day, decimal value, int? confidence = null) => new(D(day), value, confidence);

    public static KeyResult Kr(string id, KeyResultDefinition definition, double weight = 1, params CheckIn[] checkIns)
        => KeyResult.Create(id, "Title of " + id, definition, weight, checkIns);

    public static KeyResult Inc(string id, decimal baseline, decimal target, params CheckIn[] checkIns)
        => Kr(id, KeyResultDefinition.Increase(baseline, target), 1, checkIns);

    /// <summary>An increase 0 -> 100 whose score is <paramref name="percent"/>/100, checked in on 2026-10-05.</summary>
    public static KeyResult Pct(string id, decimal percent, double weight = 1, int? confidence = null, params AlignmentLink[] alignsTo)
        => KeyResult.Create(id, "Title of " + id, KeyResultDefinition.Increase(0, 100), weight, [new CheckIn(D("2026-10-05"), percent, confidence)], alignsTo);

    public static Objective Obj(
        string id,
        IEnumerable<KeyResult>? keyResults = null,
        ProgressSource progressFrom = ProgressSource.KeyResults,
        Commitment commitment = Commitment.Aspirational,
        string period = "2026-Q4",
        params AlignmentLink[] alignsTo)
        => new(id, "Objective " + id, "acme", period, keyResults, commitment, progressFrom, alignsTo);

    public static OkrSet Set(params Objective[] objectives) => new([Q4], [new Owner("acme")], objectives);

    public static OkrSet Set(OkrSettings settings, params Objective[] objectives) => new([Q4], [new Owner("acme")], objectives, settings);

    public static OkrEvaluation Eval(DateOnly asOf, params Objective[] objectives) => Set(objectives).Evaluate(asOf);

    /// <summary>Evaluates one aspirational objective holding just <paramref name="keyResult"/>.</summary>
    public static KeyResultEvaluation EvalKr(KeyResult keyResult, DateOnly asOf, Commitment commitment = Commitment.Aspirational, OkrSettings? settings = null)
        => Set(settings ?? OkrSettings.Default, Obj("o", [keyResult], commitment: commitment)).Evaluate(asOf).KeyResult(keyResult.Id);

    public static OkrErrors Errors<T>(OneOf.OneOf<T, OkrErrors> result)
    {
        Assert.True(result.IsT1, "expected an error result");
        return result.AsT1;
    }

    public static OkrDiagnostic Single<T>(OneOf.OneOf<T, OkrErrors> result, string code)
    {
        var errors = Errors(result);
        var finding = Assert.Single(errors.Items);
        Assert.Equal(code, finding.Code);
        Assert.Equal(OkrSeverity.Error, finding.Severity);
        return finding;
    }
}
