using System.Collections;

namespace Okr.Core;

/// <summary>
/// The error side of a <c>Try</c> result: one or more findings about user data, each with a stable code.
/// </summary>
public sealed class OkrErrors : IReadOnlyList<OkrDiagnostic>
{
    private readonly ValueArray<OkrDiagnostic> _items;

    /// <summary>Creates a list of findings.</summary>
    /// <param name="items">The findings (at least one).</param>
    public OkrErrors(IEnumerable<OkrDiagnostic> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        _items = ValueArray.From(items);
        if (_items.Count == 0)
        {
            throw new ArgumentException("An error result needs at least one finding.", nameof(items));
        }
    }

    /// <summary>The findings.</summary>
    public ValueArray<OkrDiagnostic> Items => _items;

    /// <inheritdoc />
    public int Count => _items.Count;

    /// <inheritdoc />
    public OkrDiagnostic this[int index] => _items[index];

    /// <summary>Creates an error result with one finding.</summary>
    /// <param name="code">The stable code.</param>
    /// <param name="subject">The id concerned, or null.</param>
    /// <param name="message">What is wrong and what to do.</param>
    public static OkrErrors Single(string code, string? subject, string message) => new([OkrDiagnostic.Error(code, subject, message)]);

    /// <inheritdoc />
    public IEnumerator<OkrDiagnostic> GetEnumerator() => ((IEnumerable<OkrDiagnostic>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public override string ToString() => string.Join(Environment.NewLine, _items);
}
