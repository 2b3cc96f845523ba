using Ardalis.GuardClauses;

namespace Okr.Core;

/// <summary>Who owns objectives: a company, a team or a person, optionally under a <see cref="ParentId"/> owner.</summary>
public sealed record Owner
{
    /// <summary>Creates an owner.</summary>
    /// <param name="id">The owner id (not blank).</param>
    /// <param name="name">A display name, optional.</param>
    /// <param name="parentId">The parent owner's id, optional.</param>
    public Owner(string id, string? name = null, string? parentId = null)
    {
        Id = Guard.Against.NullOrWhiteSpace(id);
        Name = name;
        ParentId = parentId;
    }

    /// <summary>The owner id, unique among owners.</summary>
    public string Id { get; }

    /// <summary>A display name, or null.</summary>
    public string? Name { get; }

    /// <summary>The id of the owner above this one (a team's company), or null for a top-level owner.</summary>
    public string? ParentId { get; }
}
