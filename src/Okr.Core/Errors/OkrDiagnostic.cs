using Ardalis.GuardClauses;

namespace Okr.Core;

/// <summary>
/// One finding about OKR data: a stable <see cref="Code"/> (e.g. <c>OKR006</c>), its <see cref="Severity"/>,
/// the id it is about (<see cref="Subject"/>, <c>null</c> for the document as a whole) and a message that
/// says what is wrong and what to do instead.
/// </summary>
/// <param name="Code">The stable code, e.g. <c>OKR004</c>; see <see cref="OkrCodes"/>.</param>
/// <param name="Severity">The severity after any configured override.</param>
/// <param name="Subject">The id of the period, owner, objective or key result concerned, or <c>null</c>.</param>
/// <param name="Message">A sentence naming the item and field, and what to use instead.</param>
public sealed record OkrDiagnostic(string Code, OkrSeverity Severity, string? Subject, string Message)
{
    /// <summary>The stable code, e.g. <c>OKR004</c>; see <see cref="OkrCodes"/>.</summary>
    public string Code { get; } = Guard.Against.NullOrWhiteSpace(Code);

    /// <summary>The severity after any configured override.</summary>
    public OkrSeverity Severity { get; } = Guard.Against.EnumOutOfRange(Severity);

    /// <summary>The id of the period, owner, objective or key result concerned, or <c>null</c>.</summary>
    public string? Subject { get; } = Subject;

    /// <summary>A sentence naming the item and field, and what to use instead.</summary>
    public string Message { get; } = Guard.Against.Null(Message);

    /// <summary>Creates an error finding.</summary>
    /// <param name="code">The stable code.</param>
    /// <param name="subject">The id concerned, or null.</param>
    /// <param name="message">What is wrong and what to do.</param>
    public static OkrDiagnostic Error(string code, string? subject, string message) => new(code, OkrSeverity.Error, subject, message);

    /// <inheritdoc />
    public override string ToString() => Subject is null
        ? $"{Code} {Severity.ToString().ToLowerInvariant()}: {Message}"
        : $"{Code} {Severity.ToString().ToLowerInvariant()} [{Subject}]: {Message}";
}
