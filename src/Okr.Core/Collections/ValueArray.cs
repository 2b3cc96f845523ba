using System.Collections;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;

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
