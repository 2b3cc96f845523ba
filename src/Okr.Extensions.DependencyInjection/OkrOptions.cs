using Okr.Core.Validation;

namespace Okr.Extensions.DependencyInjection;

/// <summary>Options of <see cref="OkrServiceCollectionExtensions.AddOkr"/>: which quality rules the validator runs.</summary>
public sealed class OkrOptions
{
    /// <summary>Whether the validator runs the built-in rules OKR101-OKR207 (default true).</summary>
    public bool IncludeDefaultRules { get; set; } = true;

    /// <summary>Rule instances to add to the validator, beside the <see cref="IOkrRule"/> services the host registers.</summary>
    public IList<IOkrRule> Rules { get; } = [];
}
