namespace Okr.Core.Tests.Scoring;

/// <summary>Spec section 7, OKR009: invalid settings.</summary>
public class OkrSettingsTests
{
    private static OkrErrors Invalid(Action<OkrSettingsOptions> configure)
    {
        var options = new OkrSettingsOptions();
        configure(options);
        var errors = Errors(OkrSettings.TryCreate(options));
        Assert.All(errors.Items, e => Assert.Equal(("OKR009", (string?)null), (e.Code, e.Subject)));
        return errors;
    }

    [Fact]
    public void Default_HasSpecDefaults()
    {
        var s = OkrSettings.Default;
        Assert.Equal((0.7, 0.15, 0.30, 3, 14, ObjectiveStatusMode.Pace), (s.AspirationalTarget, s.OnTrackGap, s.AtRiskGap, s.LowConfidence, s.StaleAfterDays, s.ObjectiveStatus));
        Assert.Equal(GradingScale.Default, s.Scale);
        Assert.Equal(new QualityLimits(5, 2, 5, 10), s.Limits);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.1)]
    [InlineData(1.0000001)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void TryCreate_AspirationalTargetOutside0To1_Okr009(double target)
    {
        Assert.Single(Invalid(o => o.AspirationalTarget = target).Items);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.0001)]
    public void TryCreate_AspirationalTargetInside_IsValid(double target)
    {
        Assert.True(OkrSettings.TryCreate(new OkrSettingsOptions { AspirationalTarget = target }).IsT0);
    }

    [Theory]
    [InlineData(0.4, 0.3)]
    [InlineData(-0.01, 0.3)]
    [InlineData(0.15, 1.01)]
    [InlineData(double.NaN, 0.3)]
    public void TryCreate_GapsOutOfOrder_Okr009(double onTrack, double atRisk)
    {
        Assert.Single(Invalid(o => (o.OnTrackGap, o.AtRiskGap) = (onTrack, atRisk)).Items);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(0.2, 0.2)]
    [InlineData(1, 1)]
    public void TryCreate_GapsAtBounds_AreValid(double onTrack, double atRisk)
    {
        Assert.True(OkrSettings.TryCreate(new OkrSettingsOptions { OnTrackGap = onTrack, AtRiskGap = atRisk }).IsT0);
    }

    [Theory]
    [InlineData(11)]
    [InlineData(-1)]
    public void TryCreate_LowConfidenceOutside0To10_Okr009(int low)
    {
        Assert.Single(Invalid(o => o.LowConfidence = low).Items);
    }

    [Fact]
    public void TryCreate_NegativeStaleAfterDays_Okr009()
    {
        Assert.Single(Invalid(o => o.StaleAfterDays = -1).Items);
    }

    [Fact]
    public void TryCreate_NonPositiveLimit_Okr009()
    {
        Assert.Single(Invalid(o => o.Limits = new QualityLimits(MaxDepth: 0)).Items);
    }

    [Theory]
    [InlineData("OKR001")]
    [InlineData("OKR008")]
    public void TryCreate_RuleKeyIsBuiltInError_Okr009(string code)
    {
        Assert.Single(Invalid(o => o.Rules[code] = RuleSeverity.Off).Items);
    }

    [Fact]
    public void TryCreate_SeveralProblems_ReportsEvery()
    {
        Assert.Equal(3, Invalid(o => (o.AspirationalTarget, o.LowConfidence, o.StaleAfterDays) = (0, 11, -5)).Count);
    }

    [Fact]
    public void Create_Invalid_Throws()
    {
        var ex = Assert.Throws<OkrValidationException>(() => OkrSettings.Create(o => o.AspirationalTarget = 0));
        Assert.Equal("OKR009", Assert.Single(ex.Errors.Items).Code);
    }

    [Fact]
    public void SuccessTarget_CommittedIsOneAspirationalIsSetting()
    {
        var settings = OkrSettings.Create(o => o.AspirationalTarget = 0.6);
        Assert.Equal(1.0, settings.SuccessTarget(Commitment.Committed));
        Assert.Equal(0.6, settings.SuccessTarget(Commitment.Aspirational));
        Assert.Equal(0.7, OkrSettings.Default.SuccessTarget(Commitment.Aspirational));
    }

    [Fact]
    public void ToOptions_RoundTrips()
    {
        var settings = OkrSettings.Create(o =>
        {
            o.AspirationalTarget = 0.8;
            o.Rules["OKR201"] = RuleSeverity.Off;
        });
        var again = OkrSettings.TryCreate(settings.ToOptions()).AsT0;
        Assert.Equal(settings, again);
        Assert.Equal(RuleSeverity.Off, again.SeverityOverride("OKR201"));
        Assert.Null(again.SeverityOverride("OKR202"));
    }
}
