namespace Okr.Core;

/// <summary>Guards for programmer errors specific to OKR values (Ardalis-style: throw, return the input).</summary>
internal static class OkrGuard
{
    /// <summary>Whether <paramref name="weight"/> is a weight: finite and &gt;= 0 (what every weight check asks).</summary>
    public static bool IsWeight(double weight) => double.IsFinite(weight) && weight >= 0;

    /// <summary>A weight must be finite and &gt;= 0.</summary>
    public static double Weight(double weight, string parameterName = "weight")
    {
        if (!IsWeight(weight))
        {
            throw new ArgumentOutOfRangeException(parameterName, weight, "A weight is a finite number >= 0 (0 means shown but not counted).");
        }

        return weight + 0.0;
    }
}
