using System.Numerics;
using System.Runtime.CompilerServices;

namespace Okr.Core;

/// <summary>
/// Item (node) number by id, for millions of ids: an open-addressing table of (hash, item) pairs, with the ids
/// themselves left in the caller's array. A <see cref="Dictionary{TKey, TValue}"/> of five million strings costs
/// 140 MB and, per insert, a read of the string (scattered over the heap) to hash it; here the hashes can be computed
/// beforehand, on several cores, and an insert touches one 8-byte slot unless the hash matches. Read-only once
/// built, so lookups may run on several threads.
/// </summary>
internal sealed class IdIndex
{
    private readonly string?[] _ids;

    // (hash << 32) | (item + 1); 0 is an empty slot. Linear probing: a miss reads a few neighbouring slots.
    private readonly long[] _slots;
    private readonly int _mask;

    /// <param name="ids">The ids by item (not copied: it must not change while the index is in use).</param>
    /// <param name="capacity">The most items that will be added.</param>
    public IdIndex(string?[] ids, int capacity)
    {
        _ids = ids;

        // At most 3/4 full, so that probes stay short.
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, capacity + (capacity / 3) + 1));
        _slots = new long[size];
        _mask = size - 1;
    }

    /// <summary>The number of ids added.</summary>
    public int Count { get; private set; }

    /// <summary>The hash this index files <paramref name="id"/> under (the string's own, randomised per process, so crafted ids cannot pile up in one place).</summary>
    public static int HashOf(string id) => id.GetHashCode();

    /// <summary>Adds <paramref name="item"/> under its id, unless an earlier item has that id: returns that item, or -1 when added.</summary>
    /// <param name="item">The item; its id (not null) is <c>ids[item]</c>.</param>
    /// <param name="hash"><see cref="HashOf"/> of its id.</param>
    public int Add(int item, int hash)
    {
        var id = _ids[item]!;
        for (var slot = hash & _mask; ; slot = (slot + 1) & _mask)
        {
            var entry = _slots[slot];
            if (entry == 0)
            {
                _slots[slot] = ((long)hash << 32) | (uint)(item + 1);
                Count++;
                return -1;
            }

            if ((int)(entry >> 32) == hash && string.Equals(_ids[(int)entry - 1], id, StringComparison.Ordinal))
            {
                return (int)entry - 1;
            }
        }
    }

    /// <summary>
    /// How many adds or lookups ahead a loop should <see cref="Prefetch"/>: enough to cover a memory access, few enough
    /// that the lines are still in the cache when used.
    /// </summary>
    public const int PrefetchDistance = 16;

    /// <summary>
    /// Asks the processor to start loading the slot an add or a lookup of <paramref name="hash"/> reads first. The
    /// table of a million-objective set is 64 MB, so every add and lookup misses the cache; a loop over many of them
    /// that prefetches a few ahead has those misses in flight together instead of waiting for each (see
    /// <see cref="CacheHints"/>).
    /// </summary>
    /// <param name="hash"><see cref="HashOf"/> of the id that will be added or looked up.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Prefetch(int hash) => CacheHints.At(ref _slots[hash & _mask]);

    /// <summary>The item with id <paramref name="id"/>.</summary>
    public bool TryGetValue(string id, out int item) => TryGetValue(id, HashOf(id), out item);

    /// <inheritdoc cref="TryGetValue(string, out int)"/>
    /// <param name="id">The id.</param>
    /// <param name="hash"><see cref="HashOf"/> of the id.</param>
    /// <param name="item">The item, or -1.</param>
    public bool TryGetValue(string id, int hash, out int item)
    {
        for (var slot = hash & _mask; ; slot = (slot + 1) & _mask)
        {
            var entry = _slots[slot];
            if (entry == 0)
            {
                item = -1;
                return false;
            }

            if ((int)(entry >> 32) == hash && string.Equals(_ids[(int)entry - 1], id, StringComparison.Ordinal))
            {
                item = (int)entry - 1;
                return true;
            }
        }
    }

    /// <summary>Whether an item has the id <paramref name="id"/>.</summary>
    public bool ContainsKey(string id) => TryGetValue(id, out _);
}
