namespace Okr.Core;

/// <summary>
/// Thrown only by the throwing conveniences (<c>Create</c>, <c>Build</c>) when user data is invalid;
/// the <c>Try</c> forms return the same findings as a value instead.
/// </summary>
public sealed class OkrValidationException : Exception
{
    /// <summary>Creates the exception from findings.</summary>
    /// <param name="errors">The findings.</param>
    public OkrValidationException(OkrErrors errors)
        : base((errors ?? throw new ArgumentNullException(nameof(errors))).ToString()) => Errors = errors;

    /// <summary>The findings that made the data invalid.</summary>
    public OkrErrors Errors { get; }
}
