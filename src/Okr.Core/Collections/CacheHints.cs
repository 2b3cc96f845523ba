using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace Okr.Core;

/// <summary>
/// Asks the processor to start loading memory that a loop will read a few iterations later, so that the cache misses
/// of several iterations are in flight together instead of one after another. Building a graph of a million
/// objectives reads some 20 million objects scattered over the heap; each of them costs a miss. A prefetch never
/// faults and changes no result: an address the GC has since moved, or a machine without the instruction (then these
/// do nothing), only loses the hint.
/// </summary>
internal static class CacheHints
{
    /// <summary>The bytes a prefetch loads (a cache line on x64).</summary>
    private const int CacheLine = 64;

    /// <summary>The start of <paramref name="target"/> (its header and first fields).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Object(object? target)
    {
        if (Sse.IsSupported && target is not null)
        {
            Sse.Prefetch0((void*)Unsafe.As<object, nint>(ref target));
        }
    }

    /// <summary>The first items of <paramref name="items"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void First<T>(ReadOnlySpan<T> items)
    {
        if (Sse.IsSupported && !items.IsEmpty)
        {
            Sse.Prefetch0(Unsafe.AsPointer(ref MemoryMarshal.GetReference(items)));
        }
    }

    /// <summary>Every cache line of <paramref name="items"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void All<T>(ReadOnlySpan<T> items)
    {
        if (!Sse.IsSupported || items.IsEmpty)
        {
            return;
        }

        ref var first = ref MemoryMarshal.GetReference(items);
        var bytes = (nint)items.Length * Unsafe.SizeOf<T>();
        for (nint offset = 0; offset < bytes; offset += CacheLine)
        {
            At(ref Unsafe.AddByteOffset(ref first, offset));
        }
    }

    /// <summary>The item at <paramref name="location"/> (an array element).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void At<T>(ref T location)
    {
        if (Sse.IsSupported)
        {
            Sse.Prefetch0(Unsafe.AsPointer(ref location));
        }
    }
}
