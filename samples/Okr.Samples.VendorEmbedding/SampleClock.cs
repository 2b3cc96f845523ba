namespace Okr.Samples.VendorEmbedding;

/// <summary>A clock the sample moves by hand, so every run prints the same days (noon UTC of <see cref="Day"/>).</summary>
internal sealed class SampleClock(DateOnly day) : TimeProvider
{
    public DateOnly Day { get; set; } = day;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override DateTimeOffset GetUtcNow() => new(Day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
}
