namespace Okr.Core;

/// <summary>How an objective's success is judged.</summary>
public enum Commitment
{
    /// <summary>A stretch goal: success is <see cref="OkrSettings.AspirationalTarget"/> (0.7 by default).</summary>
    Aspirational = 0,

    /// <summary>A high-integrity promise: success is 1.0.</summary>
    Committed = 1,
}

/// <summary>Where an objective's score comes from.</summary>
public enum ProgressSource
{
    /// <summary>Its own key results (the default).</summary>
    KeyResults = 0,

    /// <summary>The objectives aligned to it.</summary>
    Children = 1,

    /// <summary>Its own key results first, then the objectives aligned to it.</summary>
    Both = 2,
}
