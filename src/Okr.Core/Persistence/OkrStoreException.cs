namespace Okr.Core.Persistence;

/// <summary>Why a store could not do its work (not a problem with the OKR data, which comes back as <see cref="OkrErrors"/>).</summary>
public enum OkrStoreFailure
{
    /// <summary>The store cannot be reached or failed for another reason; see the inner exception.</summary>
    Unavailable = 0,

    /// <summary>Another process or connection holds a lock longer than the store waits (its busy timeout): retry later.</summary>
    Locked = 1,

    /// <summary>The stored data is damaged or is not a store of this kind (e.g. a file that is not a database).</summary>
    Corrupt = 2,
}

/// <summary>
/// Thrown by a repository when the store itself fails (locked, corrupt, unreachable). The message names the store
/// (e.g. the database file) and what to do; <see cref="Failure"/> tells the cases apart; the inner exception is the
/// driver's own.
/// </summary>
public sealed class OkrStoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="failure">What kind of failure.</param>
    /// <param name="message">What failed and what to do.</param>
    /// <param name="innerException">The driver's exception, or null.</param>
    public OkrStoreException(OkrStoreFailure failure, string message, Exception? innerException = null)
        : base(message, innerException) => Failure = failure;

    /// <summary>Creates an <see cref="OkrStoreFailure.Unavailable"/> failure.</summary>
    public OkrStoreException()
        : this(OkrStoreFailure.Unavailable, "The OKR store failed.")
    {
    }

    /// <summary>Creates an <see cref="OkrStoreFailure.Unavailable"/> failure.</summary>
    /// <param name="message">What failed and what to do.</param>
    public OkrStoreException(string message)
        : this(OkrStoreFailure.Unavailable, message)
    {
    }

    /// <summary>Creates an <see cref="OkrStoreFailure.Unavailable"/> failure.</summary>
    /// <param name="message">What failed and what to do.</param>
    /// <param name="innerException">The driver's exception.</param>
    public OkrStoreException(string message, Exception? innerException)
        : this(OkrStoreFailure.Unavailable, message, innerException)
    {
    }

    /// <summary>What kind of failure.</summary>
    public OkrStoreFailure Failure { get; }
}
