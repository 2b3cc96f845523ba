using System.Text;
using Okr.Core.Validation;
using OneOf;

namespace Okr.Core.Documents;

/// <summary>
/// The okr/v1 interchange document (spec section 8): read it into an <see cref="OkrSet"/> with every problem
/// reported at once, write a set back out, or analyse it in one call (read, compile, evaluate, run the rules).
/// Uses System.Text.Json's reader and writer directly: no reflection, trimming- and AOT-safe.
/// </summary>
public static class OkrDocument
{
    /// <summary>The schema name of documents this version reads and writes.</summary>
    public const string Schema = "okr/v1";

    /// <summary>Reads a document from UTF-8 bytes (a byte-order mark is allowed), or returns every OKR001-OKR009 finding.</summary>
    /// <param name="utf8Json">The document.</param>
    public static OneOf<OkrSet, OkrErrors> TryRead(ReadOnlySpan<byte> utf8Json)
    {
        var (set, findings) = DocumentReader.Read(utf8Json);
        return set is not null ? set : new OkrErrors(findings);
    }

    /// <summary>Reads a document from text, or returns every OKR001-OKR009 finding.</summary>
    /// <param name="json">The document.</param>
    public static OneOf<OkrSet, OkrErrors> TryRead(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return TryRead(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Reads a document; throws <see cref="OkrValidationException"/> when it has errors.</summary>
    /// <param name="json">The document.</param>
    public static OkrSet Read(string json) => TryRead(json).Match(s => s, e => throw new OkrValidationException(e));

    /// <summary>
    /// Writes <paramref name="set"/> as an indented okr/v1 document. Reading it back gives an equal set, but for what
    /// okr/v1 cannot hold: severity overrides of host rules are left out, and an unpaired surrogate in a text is written
    /// as U+FFFD. (The SQLite store checks the round trip and refuses such a set rather than lose anything.)
    /// </summary>
    /// <param name="set">The set.</param>
    public static string Write(OkrSet set) => Encoding.UTF8.GetString(DocumentWriter.Write(set));

    /// <summary>Writes <paramref name="set"/> as UTF-8 okr/v1 JSON.</summary>
    /// <param name="set">The set.</param>
    public static byte[] WriteUtf8(OkrSet set) => DocumentWriter.Write(set);

    /// <summary>
    /// Reads, compiles and evaluates a document as of <paramref name="asOf"/> and runs the quality rules of
    /// <paramref name="validator"/>. Quality rules run only on a document without OKR0xx errors.
    /// </summary>
    /// <param name="utf8Json">The document.</param>
    /// <param name="asOf">The day of evaluation.</param>
    /// <param name="validator">The rules to run.</param>
    public static DocumentAnalysis Analyze(ReadOnlySpan<byte> utf8Json, DateOnly asOf, OkrValidator validator)
    {
        ArgumentNullException.ThrowIfNull(validator);
        var evaluated = Evaluate(utf8Json, asOf);
        return evaluated.Evaluation is { } evaluation
            ? new DocumentAnalysis(asOf, evaluated.Set, evaluation, validator.Validate(evaluation).Findings)
            : evaluated;
    }

    /// <summary>
    /// Reads a document for <see cref="Evaluate(ValueTuple{OkrSet, List{OkrDiagnostic}}, DateOnly)"/>, without the
    /// reference and cycle checks compiling does. For <c>okr score</c>, whose document, given as memory, may be read on
    /// two cores: nothing read refers to <paramref name="utf8Json"/> afterwards, so it lets go of the document before
    /// compiling.
    /// </summary>
    internal static (OkrSet? Set, List<OkrDiagnostic> Findings) ReadForEvaluation(ReadOnlyMemory<byte> utf8Json)
        => DocumentReader.Read(utf8Json, checkGraph: false);

    private static DocumentAnalysis Evaluate(ReadOnlySpan<byte> utf8Json, DateOnly asOf)
        => Evaluate(DocumentReader.Read(utf8Json, checkGraph: false), asOf);

    /// <summary>
    /// The first half of <see cref="Analyze(ReadOnlySpan{byte}, DateOnly, OkrValidator)"/> once read: compiles and
    /// evaluates, with the OKR0xx findings when that fails and no findings (the rules not run yet) when it does not.
    /// <c>okr score</c> runs the rules itself, on both cores, while it writes the objectives.
    /// </summary>
    /// <remarks>Compiling checks references and cycles, so the document was read without checking them first.</remarks>
    internal static DocumentAnalysis Evaluate((OkrSet? Set, List<OkrDiagnostic> Findings) read, DateOnly asOf)
    {
        if (read.Set is not { } set)
        {
            return new DocumentAnalysis(asOf, null, null, ValueArray.From(read.Findings));
        }

        var evaluation = set.TryEvaluate(asOf);
        if (evaluation.TryPickT1(out var errors, out var result))
        {
            return new DocumentAnalysis(asOf, null, null, errors.Items);
        }

        return new DocumentAnalysis(asOf, set, result, ValueArray<OkrDiagnostic>.Empty);
    }

    /// <summary>Analyses a document with the default rules; see <see cref="Analyze(ReadOnlySpan{byte}, DateOnly, OkrValidator)"/>.</summary>
    /// <param name="utf8Json">The document.</param>
    /// <param name="asOf">The day of evaluation.</param>
    public static DocumentAnalysis Analyze(ReadOnlySpan<byte> utf8Json, DateOnly asOf) => Analyze(utf8Json, asOf, OkrValidator.Default);

    /// <summary>Analyses a document given as text with the default rules.</summary>
    /// <param name="json">The document.</param>
    /// <param name="asOf">The day of evaluation.</param>
    public static DocumentAnalysis Analyze(string json, DateOnly asOf) => Analyze(json, asOf, OkrValidator.Default);

    /// <summary>Analyses a document given as text.</summary>
    /// <param name="json">The document.</param>
    /// <param name="asOf">The day of evaluation.</param>
    /// <param name="validator">The rules to run.</param>
    public static DocumentAnalysis Analyze(string json, DateOnly asOf, OkrValidator validator)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Analyze(Encoding.UTF8.GetBytes(json), asOf, validator);
    }
}

/// <summary>What analysing a document found: the set and its evaluation when it is valid, and every finding.</summary>
/// <param name="AsOf">The day of evaluation.</param>
/// <param name="Set">The set read, or null when the document has OKR0xx errors.</param>
/// <param name="Evaluation">The evaluation, or null when the document has OKR0xx errors.</param>
/// <param name="Diagnostics">Every finding (errors, and quality findings after severity overrides).</param>
public sealed record DocumentAnalysis(DateOnly AsOf, OkrSet? Set, OkrEvaluation? Evaluation, ValueArray<OkrDiagnostic> Diagnostics)
{
    /// <summary>The day of evaluation.</summary>
    public DateOnly AsOf { get; } = AsOf;

    /// <summary>The set read, or null when the document has OKR0xx errors.</summary>
    public OkrSet? Set { get; } = Set;

    /// <summary>The evaluation, or null when the document has OKR0xx errors.</summary>
    public OkrEvaluation? Evaluation { get; } = Evaluation;

    /// <summary>Every finding (errors, and quality findings after severity overrides).</summary>
    public ValueArray<OkrDiagnostic> Diagnostics { get; } = Diagnostics;

    /// <summary>Whether any finding has severity error (then the document "has errors").</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == OkrSeverity.Error);
}
