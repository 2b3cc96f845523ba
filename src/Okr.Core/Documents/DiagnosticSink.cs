namespace Okr.Core.Documents;

/// <summary>Collects findings while a document is read.</summary>
internal sealed class DiagnosticSink
{
    public List<OkrDiagnostic> Items { get; } = [];

    public void Add(string code, string? subject, string message) => Items.Add(OkrDiagnostic.Error(code, subject, message));

    public void Schema(string? subject, string message) => Add(OkrCodes.Schema, subject, message);
}
