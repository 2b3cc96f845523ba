using System.Collections;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Okr.Core;

/// <summary>
/// An immutable list with value equality: two arrays are equal when they hold equal items in the same order.
/// Records that hold a <see cref="ValueArray{T}"/> therefore compare by content, which an
/// <see cref="ImmutableArray{T}"/> (reference equality) would not give.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
/// <remarks>
/// The <c>default</c> value is a valid empty array. Collection expressions (<c>["a", "b"]</c>) build through
/// <see cref="ValueArray.Create{T}(ReadOnlySpan{T})"/>: without the builder they would call the non-mutating
/// <see cref="Add"/> and silently give an empty array.
/// </remarks>
[CollectionBuilder(typeof(ValueArray), nameof(ValueArray.Create))]
[DebuggerDisplay("Count = {Count}")]
[DebuggerTypeProxy(typeof(ValueArrayDebugView<>))]
public readonly struct ValueArray<T> : IReadOnlyList<T>, IEquatable<ValueArray<T>>
{
    private readonly ImmutableArray<T> _items;

    /// <summary>Creates an array holding the given items (copied).</summary>
    /// <param name="items">The items, in order.</param>
    public ValueArray(IEnumerable<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        _items = [.. items];
    }

    internal ValueArray(ImmutableArray<T> items) => _items = items;

    /// <summary>An empty array.</summary>
    public static ValueArray<T> Empty => default;

    /// <summary>The number of items.</summary>
    public int Count => _items.IsDefault ? 0 : _items.Length;

    /// <summary>The item at <paramref name="index"/>.</summary>
    /// <param name="index">Zero-based position.</param>
    public T this[int index] => AsImmutableArray()[index];

    /// <summary>The items as an <see cref="ImmutableArray{T}"/> (never default).</summary>
    public ImmutableArray<T> AsImmutableArray() => _items.IsDefault ? [] : _items;

    /// <summary>A span over the items, for allocation-free loops.</summary>
    public ReadOnlySpan<T> AsSpan() => _items.IsDefault ? default : _items.AsSpan();

    /// <summary>Returns a new array with <paramref name="item"/> appended.</summary>
    /// <param name="item">The item to append.</param>
    public ValueArray<T> Add(T item) => new(AsImmutableArray().Add(item));

    /// <summary>Returns a struct enumerator over the items.</summary>
    public ImmutableArray<T>.Enumerator GetEnumerator() => AsImmutableArray().GetEnumerator();

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)AsImmutableArray()).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable)AsImmutableArray()).GetEnumerator();

    /// <inheritdoc />
    public bool Equals(ValueArray<T> other) => AsSpan().SequenceEqual(other.AsSpan(), EqualityComparer<T>.Default);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ValueArray<T> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in AsSpan())
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    /// <summary>
    /// The items in brackets, <c>[a, b, c]</c>, so that a record holding this array prints its content (an
    /// <see cref="ImmutableArray{T}"/> would print its type name). Past <see cref="ToStringItemLimit"/> items the rest
    /// are counted, not printed, so that logging a record with a long history stays short.
    /// </summary>
    public override string ToString()
    {
        var items = AsSpan();
        var text = new StringBuilder("[");
        for (var i = 0; i < Math.Min(items.Length, ToStringItemLimit); i++)
        {
            text.Append(i == 0 ? string.Empty : ", ").Append(CultureInfo.InvariantCulture, $"{items[i]}");
        }

        if (items.Length > ToStringItemLimit)
        {
            text.Append(CultureInfo.InvariantCulture, $", ... ({items.Length} items)");
        }

        return text.Append(']').ToString();
    }

    /// <summary>The most items <see cref="ToString"/> prints.</summary>
    internal const int ToStringItemLimit = 100;

    /// <summary>Value equality.</summary>
    /// <param name="left">The left array.</param>
    /// <param name="right">The right array.</param>
    public static bool operator ==(ValueArray<T> left, ValueArray<T> right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    /// <param name="left">The left array.</param>
    /// <param name="right">The right array.</param>
    public static bool operator !=(ValueArray<T> left, ValueArray<T> right) => !left.Equals(right);

    /// <summary>Wraps an immutable array.</summary>
    /// <param name="items">The items.</param>
    public static implicit operator ValueArray<T>(ImmutableArray<T> items) => new(items);

    /// <summary>Copies an array.</summary>
    /// <param name="items">The items.</param>
    public static implicit operator ValueArray<T>(T[] items) => new(ImmutableArray.Create(items));
}

/// <summary>What a debugger shows when a <see cref="ValueArray{T}"/> is expanded: its items, not its wrapped array.</summary>
internal sealed class ValueArrayDebugView<T>(ValueArray<T> array)
{
    [DebuggerBrowsable(DebuggerBrowsableState.RootHidden)]
    public T[] Items => array.AsSpan().ToArray();
}

/// <summary>Factory methods for <see cref="ValueArray{T}"/>.</summary>
public static class ValueArray
{
    /// <summary>Creates an array of the given items.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The items, in order.</param>
    public static ValueArray<T> Create<T>(params ReadOnlySpan<T> items) => new(ImmutableArray.Create(items));

    /// <summary>Creates an array from a sequence (null gives an empty array).</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The items, in order.</param>
    public static ValueArray<T> From<T>(IEnumerable<T>? items) => items is null ? default : new(items);
}
