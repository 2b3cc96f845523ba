using System.Globalization;
using OneOf;

namespace Okr.Core;

/// <summary>One band of a grading scale: scores from <see cref="From"/> (inclusive, with the 1e-9 tolerance) get <see cref="Label"/>.</summary>
/// <param name="From">Where the band starts, in [0, 1].</param>
/// <param name="Label">The grade's label, e.g. <c>green</c>.</param>
public sealed record GradeBand(double From, string Label)
{
    /// <summary>Where the band starts, in [0, 1].</summary>
    public double From { get; } = From;

    /// <summary>The grade's label, e.g. <c>green</c>.</summary>
    public string Label { get; } = Label;
}

/// <summary>
/// Maps a score to a grade: the label of the highest band whose <see cref="GradeBand.From"/> the score reaches.
/// The default is red from 0, yellow from 0.3, green from 0.7.
/// </summary>
public sealed record GradingScale
{
    private GradingScale(ValueArray<GradeBand> bands) => Bands = bands;

    /// <summary>red from 0.0, yellow from 0.3, green from 0.7.</summary>
    public static GradingScale Default { get; } = new(ValueArray.Create(new GradeBand(0, "red"), new GradeBand(0.3, "yellow"), new GradeBand(0.7, "green")));

    /// <summary>The bands, lowest first.</summary>
    public ValueArray<GradeBand> Bands { get; }

    /// <summary>
    /// Creates a scale, or returns <c>OKR009</c> unless the first band starts at 0, each next one strictly higher,
    /// all within [0, 1], and labels are non-empty and unique.
    /// </summary>
    /// <param name="bands">The bands, lowest first.</param>
    public static OneOf<GradingScale, OkrErrors> TryCreate(IEnumerable<GradeBand> bands)
    {
        ArgumentNullException.ThrowIfNull(bands);
        var list = ValueArray.From(bands);
        var problems = new List<OkrDiagnostic>();
        void Problem(string message) => problems.Add(OkrDiagnostic.Error(OkrCodes.InvalidSettings, null, $"settings.scale: {message}."));

        if (list.Count == 0)
        {
            Problem("a scale needs at least one band starting at 0");
        }

        var labels = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < list.Count; i++)
        {
            var band = list[i];
            if (band is null)
            {
                Problem($"band {i + 1} is missing");
                continue;
            }

            if (!double.IsFinite(band.From) || band.From < 0 || band.From > 1)
            {
                Problem(string.Create(CultureInfo.InvariantCulture, $"band {i + 1} ('{band.Label}') starts at {band.From}: 'from' lies within [0, 1]"));
            }
            else if (i == 0 && band.From != 0)
            {
                Problem(string.Create(CultureInfo.InvariantCulture, $"the first band ('{band.Label}') starts at {band.From}: the first 'from' is 0"));
            }
            else if (i > 0 && list[i - 1] is { } previous && !(band.From > previous.From))
            {
                Problem(string.Create(CultureInfo.InvariantCulture, $"band {i + 1} ('{band.Label}') starts at {band.From}, not above the band before it ({previous.From}): list bands in strictly increasing order"));
            }

            if (string.IsNullOrWhiteSpace(band.Label))
            {
                Problem($"band {i + 1} has an empty label: give every band a label");
            }
            else if (!labels.Add(band.Label))
            {
                Problem($"the label '{band.Label}' is used twice: labels are unique");
            }
        }

        return problems.Count > 0 ? new OkrErrors(problems) : new GradingScale(list);
    }

    /// <summary>Creates a scale; throws <see cref="OkrValidationException"/> (OKR009) when it is invalid.</summary>
    /// <param name="bands">The bands, lowest first.</param>
    public static GradingScale Create(params GradeBand[] bands) => TryCreate(bands).Match(s => s, e => throw new OkrValidationException(e));

    /// <summary>The grade label of <paramref name="score"/>: the highest band reached (tolerance 1e-9).</summary>
    /// <param name="score">A score in [0, 1].</param>
    public string GradeOf(double score) => Bands[BandIndexOf(score)].Label;

    /// <summary>The index in <see cref="Bands"/> of the highest band whose start <paramref name="score"/> reaches.</summary>
    internal int BandIndexOf(double score)
    {
        var bands = Bands.AsSpan();
        for (var i = bands.Length - 1; i > 0; i--)
        {
            if (ScoreMath.Reaches(score, bands[i].From))
            {
                return i;
            }
        }

        return 0;
    }
}
