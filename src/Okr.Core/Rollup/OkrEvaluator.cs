using Ardalis.GuardClauses;
using Okr.Core.Validation;
using OneOf;

namespace Okr.Core;

/// <summary>
/// The scoring service a host registers and injects: evaluates OKR sets as of today (its <see cref="TimeProvider"/>,
/// local time) or a given day, and runs its <see cref="OkrValidator"/>'s quality rules. Stateless and thread-safe.
/// </summary>
public sealed class OkrEvaluator
{
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates an evaluator.</summary>
    /// <param name="validator">The quality rules to run.</param>
    /// <param name="timeProvider">The clock that says what "today" is.</param>
    public OkrEvaluator(OkrValidator validator, TimeProvider timeProvider)
    {
        Validator = Guard.Against.Null(validator);
        _timeProvider = Guard.Against.Null(timeProvider);
    }

    /// <summary>The built-in rules and the system clock.</summary>
    public static OkrEvaluator Default { get; } = new(OkrValidator.Default, TimeProvider.System);

    /// <summary>The quality rules this evaluator runs.</summary>
    public OkrValidator Validator { get; }

    /// <summary>Today, by the evaluator's clock in its local time zone.</summary>
    public DateOnly Today => DateOnly.FromDateTime(_timeProvider.GetLocalNow().DateTime);

    /// <summary>Evaluates <paramref name="set"/> as of <see cref="Today"/>, or returns what prevents it.</summary>
    /// <param name="set">The OKR set.</param>
    public OneOf<OkrEvaluation, OkrErrors> TryEvaluate(OkrSet set) => TryEvaluate(set, Today);

    /// <summary>Evaluates <paramref name="set"/> as of the end of <paramref name="asOf"/>, or returns what prevents it.</summary>
    /// <param name="set">The OKR set.</param>
    /// <param name="asOf">The day of evaluation.</param>
    public OneOf<OkrEvaluation, OkrErrors> TryEvaluate(OkrSet set, DateOnly asOf) => Guard.Against.Null(set).TryEvaluate(asOf);

    /// <summary>Runs the quality rules on an evaluation (severities from its settings).</summary>
    /// <param name="evaluation">The evaluation.</param>
    public ValidationReport Validate(OkrEvaluation evaluation) => Validator.Validate(evaluation);
}
