using System.Globalization;
using OneOf;

namespace Okr.Core;

/// <summary>
/// A measurement of a key result on a day: the <see cref="Value"/> measured, the owner's <see cref="Confidence"/>
/// (0-10) that the key result will be reached, and an optional note. <c>default</c> is a check-in of 0 on 0001-01-01.
/// </summary>
public readonly record struct CheckIn
{
    /// <summary>Creates a check-in; throws <see cref="ArgumentOutOfRangeException"/> when confidence is outside 0-10.</summary>
    /// <param name="at">The day measured.</param>
    /// <param name="value">The measured value, in the key result's unit.</param>
    /// <param name="confidence">Confidence 0 (no chance) to 10 (certain), or null.</param>
    /// <param name="note">An optional note.</param>
    public CheckIn(DateOnly at, decimal value, int? confidence = null, string? note = null)
    {
        if (confidence is < 0 or > 10)
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "Confidence is an integer from 0 to 10.");
        }

        At = at;
        Value = value;
        ConfidenceCode = confidence is { } given ? (byte)(given + 1) : (byte)0;
        Note = note;
    }

    /// <summary>The day of the measurement.</summary>
    public DateOnly At { get; }

    /// <summary>The measured value (decimal, exact).</summary>
    public decimal Value { get; }

    /// <summary>Confidence 0-10 that the key result will be reached, or null when not given.</summary>
    public int? Confidence => ConfidenceCode == 0 ? null : ConfidenceCode - 1;

    /// <summary>
    /// The confidence plus one, 0 when none: a byte rather than an <c>int?</c> (8 bytes) makes a check-in 32 bytes
    /// instead of 40, and millions of them are most of a set's memory and of what compiling it reads.
    /// </summary>
    internal byte ConfidenceCode { get; }

    /// <summary>An optional note.</summary>
    public string? Note { get; }

    /// <summary>Creates a check-in, or returns <c>OKR005</c> when confidence is not an integer from 0 to 10.</summary>
    /// <param name="at">The day measured.</param>
    /// <param name="value">The measured value.</param>
    /// <param name="confidence">Confidence 0-10, or null.</param>
    /// <param name="note">An optional note.</param>
    /// <param name="keyResultId">The key result this check-in is for, named in the error.</param>
    public static OneOf<CheckIn, OkrErrors> TryCreate(DateOnly at, decimal value, int? confidence = null, string? note = null, string? keyResultId = null)
    {
        if (confidence is < 0 or > 10)
        {
            return OkrErrors.Single(
                OkrCodes.InvalidNumber,
                keyResultId,
                string.Create(CultureInfo.InvariantCulture, $"Check-in of {at:yyyy-MM-dd}{(keyResultId is null ? string.Empty : $" on '{keyResultId}'")} has confidence {confidence}: use an integer from 0 to 10."));
        }

        return new CheckIn(at, value, confidence, note);
    }
}
