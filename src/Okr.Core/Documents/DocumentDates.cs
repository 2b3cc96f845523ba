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

    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

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
