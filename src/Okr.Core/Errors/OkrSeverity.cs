namespace Okr.Core;

/// <summary>How serious a finding is. Ordered: <see cref="Info"/> &lt; <see cref="Warning"/> &lt; <see cref="Error"/>.</summary>
public enum OkrSeverity
{
    /// <summary>Worth knowing; never blocks.</summary>
    Info = 0,

    /// <summary>A practice problem; the document still scores.</summary>
    Warning = 1,

    /// <summary>The data is invalid or a host made the finding blocking.</summary>
    Error = 2,
}
