using System.Globalization;

namespace Okr.Core.Documents;

/// <summary>Dates in okr/v1 documents: exactly <c>YYYY-MM-DD</c>, a real day.</summary>
internal static class DocumentDates
{
    public static bool TryParse(string text, out DateOnly date)
    {
        date = default;
        return text.Length == 10
            && text[4] == '-' && text[7] == '-'
            && text.AsSpan(0, 4).ContainsOnlyDigits() && text.AsSpan(5, 2).ContainsOnlyDigits() && text.AsSpan(8, 2).ContainsOnlyDigits()
            && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    /// <summary>The same days as <see cref="TryParse(string, out DateOnly)"/>, from UTF-8 without a string.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out DateOnly date)
    {
        date = default;
        if (utf8.Length != 10 || utf8[4] != '-' || utf8[7] != '-'
            || !TryDigits(utf8[..4], out var year) || !TryDigits(utf8.Slice(5, 2), out var month) || !TryDigits(utf8.Slice(8, 2), out var day)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    public static string Format(DateOnly date) => date.ToString(Pattern, CultureInfo.InvariantCulture);

    /// <summary><see cref="Format(DateOnly)"/> into <paramref name="destination"/> (10 characters), without a string.</summary>
    public static ReadOnlySpan<char> Format(DateOnly date, Span<char> destination)
        => date.TryFormat(destination, out var written, Pattern, CultureInfo.InvariantCulture) ? destination[..written] : Format(date);

    private const string Pattern = "yyyy-MM-dd";

    private static bool TryDigits(ReadOnlySpan<byte> digits, out int value)
    {
        value = 0;
        foreach (var b in digits)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            value = (value * 10) + (b - '0');
        }

        return true;
    }

    private static bool ContainsOnlyDigits(this ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
