using System.Globalization;
using Okr.Core;
using Okr.Core.Validation;

namespace Okr.Samples.VendorEmbedding;

/// <summary>ACME001: an increase key result whose target is less than 10% above its baseline is too timid for Acme.</summary>
public sealed class TimidTargetRule : IOkrRule
{
    /// <inheritdoc />
    public OkrRuleDescriptor Descriptor { get; } = new(
        "ACME001",
        "Timid target",
        OkrSeverity.Warning,
        "Fires for a key result of kind increase whose target is less than 10% above its baseline. Aim higher, or use atLeast to keep a level.",
        "Acme asks every OKR to stretch the team.");

    /// <inheritdoc />
    public void Check(OkrRuleContext context, RuleReporter report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        foreach (var keyResult in context.Set.Objectives.SelectMany(o => o.KeyResults))
        {
            if (keyResult.Definition is { Kind: KeyResultKind.Increase, Baseline: { } baseline and > 0, Target: { } target } && target < baseline * 1.1m)
            {
                report(keyResult.Id, string.Create(CultureInfo.InvariantCulture, $"Key result '{keyResult.Id}' aims only from {baseline} to {target} (less than +10%): set a bolder target."));
            }
        }
    }
}
