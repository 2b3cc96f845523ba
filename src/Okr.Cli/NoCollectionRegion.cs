using System.Runtime;

namespace Okr.Cli;

/// <summary>
/// Holds off garbage collection while a large document is read, scored and reported. Nearly everything allocated
/// then lives until the command ends (the set, its graph and evaluation, the findings), so each collection only
/// copied the growing model from generation to generation: on a 100,000-objective document nine collections took
/// 0.6 s, and the heap ended no smaller. The budget is twice the document's size plus some slack (such a run
/// allocates 1.8 times its size); a run that allocates more simply has the GC collect again from there on.
/// </summary>
internal sealed class NoCollectionRegion : IDisposable
{
    /// <summary>Smaller documents do not allocate enough for a collection to matter.</summary>
    private const long MinDocumentBytes = 4 << 20;

    private const long SlackBytes = 64 << 20;

    private NoCollectionRegion()
    {
    }

    /// <summary>Starts a region sized for a document of <paramref name="documentBytes"/>, or returns null when it is small or the GC declines.</summary>
    public static NoCollectionRegion? TryStart(long documentBytes)
    {
        if (documentBytes < MinDocumentBytes)
        {
            return null;
        }

        try
        {
            return GC.TryStartNoGCRegion((2 * documentBytes) + SlackBytes) ? new NoCollectionRegion() : null;
        }
        catch (Exception ex) when (ex is ArgumentOutOfRangeException or InvalidOperationException)
        {
            // More than this GC can set aside, or a region already started (the command run in-process, as in tests).
            return null;
        }
    }

    public void Dispose()
    {
        try
        {
            if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
            {
                GC.EndNoGCRegion();
            }
        }
        catch (InvalidOperationException)
        {
            // The region had already ended: the run allocated more than its budget, and the GC collected.
        }
    }
}
