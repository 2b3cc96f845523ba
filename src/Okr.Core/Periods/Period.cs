using System.Globalization;
using Ardalis.GuardClauses;
using OneOf;

namespace Okr.Core;

/// <summary>
/// A time box for objectives (a quarter, a year...): <see cref="Start"/> and <see cref="End"/> are both
/// inclusive whole days. Evaluation happens "as of the end of a day".
/// </summary>
public sealed record Period
{
    private Period(string id, DateOnly start, DateOnly end)
    {
        Id = id;
        Start = start;
        End = end;
    }

    /// <summary>The period's id, unique among periods (e.g. <c>2026-Q4</c>).</summary>
    public string Id { get; }

    /// <summary>The first day of the period (inclusive).</summary>
    public DateOnly Start { get; }

    /// <summary>The last day of the period (inclusive).</summary>
    public DateOnly End { get; }

    /// <summary>The number of days in the period: <c>End - Start + 1</c>.</summary>
    public int Days => End.DayNumber - Start.DayNumber + 1;

    /// <summary>
    /// Creates a period, or returns every finding about it, as a document reader would: OKR002 when the id is blank or
    /// longer than 200 characters, OKR007 when <paramref name="end"/> is before <paramref name="start"/>.
    /// </summary>
    /// <param name="id">The period id (not blank, at most 200 characters).</param>
    /// <param name="start">First day, inclusive.</param>
    /// <param name="end">Last day, inclusive.</param>
    public static OneOf<Period, OkrErrors> TryCreate(string id, DateOnly start, DateOnly end)
    {
        Guard.Against.Null(id);
        var findings = new ItemFindings("period", id);
        findings.Text(id, "id", ItemFindings.MaxIdLength, "period id");
        if (end < start)
        {
            findings.Add(OkrCodes.InvalidPeriod, string.Create(CultureInfo.InvariantCulture, $"Period '{id}' ends on {end:yyyy-MM-dd}, before it starts on {start:yyyy-MM-dd}: set 'end' on or after 'start'."));
        }

        return findings.Errors is { } errors ? errors : new Period(id, start, end);
    }

    /// <summary>Creates a period; throws <see cref="OkrValidationException"/> with the findings <see cref="TryCreate"/> would return.</summary>
    /// <param name="id">The period id (not blank, at most 200 characters).</param>
    /// <param name="start">First day, inclusive.</param>
    /// <param name="end">Last day, inclusive.</param>
    public static Period Create(string id, DateOnly start, DateOnly end) => TryCreate(id, start, end).Match(p => p, e => throw new OkrValidationException(e));

    /// <summary>The calendar quarter <paramref name="quarter"/> (1-4) of <paramref name="year"/>, with id <c>YYYY-Qn</c>.</summary>
    /// <param name="year">The year (1-9999).</param>
    /// <param name="quarter">The quarter, 1 to 4.</param>
    public static Period Quarter(int year, int quarter)
    {
        Guard.Against.OutOfRange(year, nameof(year), 1, 9999, "A year is 1 to 9999.");
        Guard.Against.OutOfRange(quarter, nameof(quarter), 1, 4, "A quarter is 1 to 4.");
        var start = new DateOnly(year, ((quarter - 1) * 3) + 1, 1);
        return new Period(
            string.Create(CultureInfo.InvariantCulture, $"{year:D4}-Q{quarter}"),
            start,
            start.AddMonths(3).AddDays(-1));
    }

    /// <summary>The calendar year <paramref name="year"/>, with id <c>YYYY</c>.</summary>
    /// <param name="year">The year (1-9999).</param>
    public static Period Year(int year)
    {
        Guard.Against.OutOfRange(year, nameof(year), 1, 9999, "A year is 1 to 9999.");
        return new Period(year.ToString("D4", CultureInfo.InvariantCulture), new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
    }

    /// <summary>Whether <paramref name="day"/> lies within the period (inclusive).</summary>
    /// <param name="day">The day.</param>
    public bool Contains(DateOnly day) => day >= Start && day <= End;

    /// <summary>Whether this period shares at least one day with <paramref name="other"/>.</summary>
    /// <param name="other">The other period.</param>
    public bool Overlaps(Period other)
    {
        Guard.Against.Null(other);
        return Start <= other.End && other.Start <= End;
    }

    /// <summary>
    /// The fraction of the period elapsed at the end of <paramref name="asOf"/>:
    /// <c>clamp01((asOf - Start + 1) / Days)</c>. The first day gives <c>1/Days</c>, the last day 1, a day before the start 0.
    /// </summary>
    /// <param name="asOf">The day of evaluation.</param>
    public double ElapsedAsOf(DateOnly asOf) => Elapsed(Start, End, asOf);

    internal static double Elapsed(DateOnly start, DateOnly end, DateOnly asOf)
    {
        var days = end.DayNumber - start.DayNumber + 1;
        var elapsedDays = asOf.DayNumber - start.DayNumber + 1;
        return ScoreMath.Clamp01((double)elapsedDays / days);
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Id} ({Start:yyyy-MM-dd}..{End:yyyy-MM-dd})");
}
