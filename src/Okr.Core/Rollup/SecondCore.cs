namespace Okr.Core;

/// <summary>
/// Lets a large evaluation use a second core without allocating: the caller offers a pass to a thread-pool thread
/// (this object is the reusable work item), and both take chunks of it until none is left, then the caller waits for
/// the chunk the pool thread is on. Taking chunks rather than halves keeps the cores busy when one of them is slower
/// (a pool thread that wakes late, a core shared with other work): the other takes more chunks instead of waiting. If
/// no pool thread has picked the pass up by the end, the caller ran it all, so a busy pool only costs the parallelism.
/// </summary>
internal sealed class SecondCore : IThreadPoolWorkItem
{
    private readonly ManualResetEventSlim _done = new(initialState: true);
    private AlignmentGraph? _graph;
    private EvaluationState? _state;
    private PassRange _range;
    private int _chunkSize;
    private int _chunkCount;

    // The next chunk of the range to take (past the last: none left).
    private int _nextChunk;

    // 0 while the started range is open to a pool thread, 1 once one joined it or the caller closed it (and between
    // ranges: nothing to join).
    private int _claimed = 1;
    private Exception? _failure;

    /// <summary>
    /// The <see cref="AppContext"/> switch a host sets to keep all of Okr.Core's work on the calling thread: evaluating,
    /// compiling and reading documents (for example
    /// <c>&lt;RuntimeHostConfigurationOption Include="Okr.Core.EvaluateOnOneCore" Value="true" /&gt;</c>). The name
    /// says evaluation because that came first; compiling and reading honour it too.
    /// </summary>
    public const string OneCoreSwitch = "Okr.Core.EvaluateOnOneCore";

    /// <summary>Whether the host set <see cref="OneCoreSwitch"/>.</summary>
    public static bool OneCoreRequested => AppContext.TryGetSwitch(OneCoreSwitch, out var oneCore) && oneCore;

    /// <summary>Whether splitting a pass is worth a thread hand-over: more than one core, enough nodes, and the host allows it.</summary>
    public static bool IsWorthIt(EvaluationPlan plan)
        => Environment.ProcessorCount > 1 && plan.MeasuredNodes.Length >= 32_768 && !OneCoreRequested;

    /// <summary>
    /// Options for the parallel loops of a build: the calling thread alone when the host asked for one core
    /// (<c>Parallel.For</c> runs its first worker on the calling thread, and with one worker allowed, no other).
    /// </summary>
    public static ParallelOptions LoopOptions()
        => new() { MaxDegreeOfParallelism = OneCoreRequested ? 1 : -1 };

    /// <summary>Offers <paramref name="range"/> to a pool thread, in chunks of <paramref name="chunkSize"/> nodes; <see cref="Join"/> takes the rest.</summary>
    public void Start(AlignmentGraph graph, EvaluationState state, PassRange range, int chunkSize)
    {
        // The work item queued for an earlier range may still be waiting in the pool (its caller ran that range
        // itself) and may run at any moment, this one included. So the range is opened last, once everything it
        // reads is set and the event is reset: a stale item that comes earlier finds nothing to join, and one that
        // comes later joins this range as the new item would. (Opening first let a stale item run the range and set
        // the event before this thread reset it; if this thread was preempted in between, Join waited forever.)
        _done.Reset();
        (_graph, _state, _range, _chunkSize, _chunkCount, _failure) = (graph, state, range, chunkSize, range.ChunkCount(chunkSize), null);
        _nextChunk = 0;
        Volatile.Write(ref _claimed, 0);
        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    /// <summary>Takes chunks of the started range until none is left, then waits for the pool thread's last one, if one joined.</summary>
    public void Join()
    {
        try
        {
            EvaluateChunks();
        }
        finally
        {
            // Closing the range tells whether a pool thread joined it; if one did, its chunk may still be running.
            if (Interlocked.Exchange(ref _claimed, 1) != 0)
            {
                _done.Wait();
            }
        }

        if (_failure is { } failure)
        {
            throw new InvalidOperationException("Evaluating on the second core failed.", failure);
        }
    }

    /// <summary>The pool thread's part: joins the started range, if it is still open, and takes chunks of it.</summary>
    public void Execute()
    {
        if (Interlocked.Exchange(ref _claimed, 1) != 0)
        {
            return;
        }

        try
        {
            EvaluateChunks();
        }
        catch (Exception failure)
        {
            _failure = failure;
        }
        finally
        {
            _done.Set();
        }
    }

    private void EvaluateChunks()
    {
        int chunk;
        while ((chunk = Interlocked.Increment(ref _nextChunk) - 1) < _chunkCount)
        {
            RollupCalculator.EvaluateRange(_graph!, _state!, _range.Chunk(chunk, _chunkSize));
        }
    }
}

/// <summary>Part of a pass: measured key results, checklists and objectives or rollups of one level, by position in their plan arrays.</summary>
internal readonly record struct PassRange(int MeasuredFrom, int MeasuredTo, int ChecklistFrom, int ChecklistTo, int CompositeFrom, int CompositeTo, DateOnly AsOf)
{
    /// <summary>The number of chunks of at most <paramref name="size"/> nodes: measured ones, then checklists, then composites.</summary>
    public int ChunkCount(int size) => Chunks(MeasuredTo - MeasuredFrom, size) + Chunks(ChecklistTo - ChecklistFrom, size) + Chunks(CompositeTo - CompositeFrom, size);

    /// <summary>Chunk <paramref name="index"/> of <see cref="ChunkCount"/>: one part of one of the three lists.</summary>
    public PassRange Chunk(int index, int size)
    {
        var measured = Chunks(MeasuredTo - MeasuredFrom, size);
        if (index < measured)
        {
            var from = MeasuredFrom + (index * size);
            return new PassRange(from, Math.Min(MeasuredTo, from + size), 0, 0, 0, 0, AsOf);
        }

        index -= measured;
        var checklists = Chunks(ChecklistTo - ChecklistFrom, size);
        if (index < checklists)
        {
            var from = ChecklistFrom + (index * size);
            return new PassRange(0, 0, from, Math.Min(ChecklistTo, from + size), 0, 0, AsOf);
        }

        index -= checklists;
        var first = CompositeFrom + (index * size);
        return new PassRange(0, 0, 0, 0, first, Math.Min(CompositeTo, first + size), AsOf);
    }

    private static int Chunks(int length, int size) => (length + size - 1) / size;
}
