using System.Globalization;

namespace Okr.Core.Tests.Scoring;

/// <summary>
/// Messages are the same whatever the host's culture: a vendor's app running with a comma as decimal separator (or a
/// non-Gregorian calendar, which the invariant-globalization test run cannot load) must not change them.
/// </summary>
public class MessageCultureTests
{
    [Fact]
    public void Messages_WithACommaDecimalSeparator_AreWrittenInvariantly()
    {
        var commas = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        commas.NumberFormat.NumberDecimalSeparator = ",";
        commas.NumberFormat.NumberGroupSeparator = ".";
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = commas;
        try
        {
            Assert.Equal("1,5", 1.5.ToString(CultureInfo.CurrentCulture)); // the culture really is in effect

            var definition = Assert.Single(KeyResult.TryCreate("kr", "Grow", KeyResultDefinition.Increase(10.5m, 3.25m)).AsT1);
            Assert.Contains("(baseline 10.5, target 3.25)", definition.Message, StringComparison.Ordinal);

            var settings = Assert.Single(OkrSettings.TryCreate(new OkrSettingsOptions { AspirationalTarget = 1.5 }).AsT1);
            Assert.StartsWith("settings.aspirationalTarget is 1.5:", settings.Message, StringComparison.Ordinal);

            var scale = Assert.Single(GradingScale.TryCreate([new GradeBand(0, "low"), new GradeBand(0.5, "high"), new GradeBand(0.25, "mid")]).AsT1);
            Assert.Contains("starts at 0.25, not above the band before it (0.5)", scale.Message, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }
}
