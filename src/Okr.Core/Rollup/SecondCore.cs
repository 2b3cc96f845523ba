namespace Okr.Core;

/// <summary>
/// Lets a large evaluation use a second core without allocating: the caller hands one half of a pass to a
/// thread-pool thread (this object is the reusable work item), runs the other half, then joins. If no pool thread
/// has picked the half up by then, the caller runs it itself, so a busy pool only costs the parallelism.
/// </summary>
internal sealed class SecondCore : IThreadPoolWorkItem
{
    private readonly ManualResetEventSlim _done = new(initialState: true);
    private AlignmentGraph? _graph;
    private EvaluationState? _state;
    private PassRange _range;

    // 0 while the started range is open to claim, 1 once claimed (and between ranges: nothing to claim).
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

    /// <summary>Starts <paramref name="range"/> on a pool thread.</summary>
    public void Start(AlignmentGraph graph, EvaluationState state, PassRange range)
    {
        // The work item queued for an earlier range may still be waiting in the pool (its caller ran that range
        // itself) and may run at any moment, this one included. So the range is opened to claim last, once everything
        // it reads is set and the event is reset: a stale item that comes earlier finds nothing to claim, and one
        // that comes later runs this range as the new item would. (Opening first let a stale item run the range and
        // set the event before this thread reset it; if this thread was preempted in between, Join waited forever.)
        _done.Reset();
        (_graph, _state, _range, _failure) = (graph, state, range, null);
        Volatile.Write(ref _claimed, 0);
        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    /// <summary>Waits for the started range, running it here when no pool thread has begun it.</summary>
    public void Join()
    {
        Execute();
        _done.Wait();
        if (_failure is { } failure)
        {
            throw new InvalidOperationException("Evaluating on the second core failed.", failure);
        }
    }

    public void Execute()
    {
        if (Interlocked.Exchange(ref _claimed, 1) != 0)
        {
            return;
        }

        try
        {
            RollupCalculator.EvaluateRange(_graph!, _state!, _range);
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
}

/// <summary>Part of a pass: measured key results, checklists and objectives or rollups of one level, by position in their plan arrays.</summary>
internal readonly record struct PassRange(int MeasuredFrom, int MeasuredTo, int ChecklistFrom, int ChecklistTo, int CompositeFrom, int CompositeTo, DateOnly AsOf);
