namespace Okr.Core.Tests.Scoring;

/// <summary>Spec section 4: the highest band whose from the score reaches (tolerance 1e-9).</summary>
public class GradingScaleTests
{
    [Theory]
    [InlineData(0.0, "red")]
    [InlineData(0.2999, "red")]
    [InlineData(0.2999999995, "yellow")]
    [InlineData(0.3, "yellow")]
    [InlineData(0.6999999999999997, "green")]
    [InlineData(0.69999999999, "green")]
    [InlineData(0.699, "yellow")]
    [InlineData(0.7, "green")]
    [InlineData(1.0, "green")]
    public void GradeOf_DefaultScale_BandsWithTolerance(double score, string expected)
    {
        Assert.Equal(expected, GradingScale.Default.GradeOf(score));
    }

    [Fact]
    public void GradeOf_MeanOf06And08_IsGreen()
    {
        var evaluation = Eval(Mid, Obj("o", [Pct("a", 60), Pct("b", 80)]));
        Assert.Equal("green", evaluation.Objective("o").Grade);
    }

    [Fact]
    public void GradeOf_WeightedMeanJustBelow07ByFloatingError_IsGreen()
    {
        // 3 x (0.1 x 0.7) / (0.1 + 0.1 + 0.1) = 0.6999999999999997 in doubles.
        var evaluation = Eval(Mid, Obj("o", [Pct("a", 70, 0.1), Pct("b", 70, 0.1), Pct("c", 70, 0.1)]));
        var objective = evaluation.Objective("o");
        Assert.True(objective.Score < 0.7);
        Assert.Equal("green", objective.Grade);
    }

    [Fact]
    public void GradeOf_CustomScale_UsesItsBands()
    {
        var scale = GradingScale.Create(new GradeBand(0, "F"), new GradeBand(0.5, "C"), new GradeBand(0.9, "A"));
        Assert.Equal("F", scale.GradeOf(0.49));
        Assert.Equal("C", scale.GradeOf(0.5));
        Assert.Equal("C", scale.GradeOf(0.89));
        Assert.Equal("A", scale.GradeOf(0.9));
    }

    [Fact]
    public void GradeOf_SingleBand_AlwaysThatLabel()
    {
        var scale = GradingScale.Create(new GradeBand(0, "any"));
        Assert.Equal("any", scale.GradeOf(0));
        Assert.Equal("any", scale.GradeOf(1));
    }

    [Fact]
    public void Evaluation_CustomScaleInSettings_GradesWithIt()
    {
        var settings = OkrSettings.Create(o => o.Scale = GradingScale.Create(new GradeBand(0, "low"), new GradeBand(0.4, "high")));
        var evaluation = Set(settings, Obj("o", [Pct("a", 40)])).Evaluate(Mid);
        Assert.Equal("high", evaluation.KeyResult("a").Grade);
        Assert.Equal("high", evaluation.Objective("o").Grade);
    }

    /// <summary>
    /// The evaluation grades every node as <see cref="GradingScale.GradeOf"/> does, whatever the number of bands (the
    /// evaluation compares up to four band starts at once, and more one by one), at and around each band start.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(8)]
    public void Evaluation_ScaleOfAnyBandCount_GradesAsTheScale(int bandCount)
    {
        var bands = Enumerable.Range(0, bandCount).Select(i => new GradeBand(i / (double)bandCount, "band" + i)).ToArray();
        var scale = GradingScale.Create(bands);
        var percents = bands.SelectMany(b => new[] { (decimal)b.From * 100 - 0.001m, (decimal)b.From * 100, (decimal)b.From * 100 + 0.001m }).Append(100m).Where(p => p >= 0).ToArray();
        var keyResults = percents.Select((p, i) => Pct("k" + i, p)).ToArray();
        var evaluation = Set(OkrSettings.Create(o => o.Scale = scale), Obj("o", keyResults)).Evaluate(Mid);
        foreach (var keyResult in keyResults)
        {
            var result = evaluation.KeyResult(keyResult.Id);
            Assert.Equal(scale.GradeOf(result.Score!.Value), result.Grade);
        }

        Assert.Equal(scale.GradeOf(evaluation.Objective("o").Score!.Value), evaluation.Objective("o").Grade);
    }

    public static TheoryData<GradeBand[]> InvalidScales() => new()
    {
        Array.Empty<GradeBand>(),
        new[] { new GradeBand(0.1, "a") },
        new[] { new GradeBand(0, "a"), new GradeBand(0.5, "b"), new GradeBand(0.5, "c") },
        new[] { new GradeBand(0, "a"), new GradeBand(0.6, "b"), new GradeBand(0.5, "c") },
        new[] { new GradeBand(0, "a"), new GradeBand(1.5, "b") },
        new[] { new GradeBand(0, "a"), new GradeBand(double.NaN, "b") },
        new[] { new GradeBand(0, "a"), new GradeBand(0.5, "a") },
        new[] { new GradeBand(0, "a"), new GradeBand(0.5, "") },
        new[] { new GradeBand(0, " "), new GradeBand(0.5, "b") },
    };

    [Theory]
    [MemberData(nameof(InvalidScales))]
    public void TryCreate_BreaksScaleRules_ReturnsOkr009WithNullSubject(GradeBand[] bands)
    {
        var errors = Errors(GradingScale.TryCreate(bands));
        Assert.All(errors.Items, e => Assert.Equal(("OKR009", (string?)null), (e.Code, e.Subject)));
    }

    [Fact]
    public void TryCreate_LastBandAtOne_IsValid()
    {
        Assert.True(GradingScale.TryCreate([new GradeBand(0, "a"), new GradeBand(1, "perfect")]).IsT0);
    }
}
