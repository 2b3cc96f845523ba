using Ardalis.GuardClauses;

namespace Okr.Core;

/// <summary>Who owns objectives: a company, a team or a person, optionally under a <see cref="ParentId"/> owner.</summary>
public sealed record Owner
{
    /// <summary>
    /// Creates an owner; throws <see cref="OkrValidationException"/> (OKR002) when the id is blank or longer than 200
    /// characters, as a document reader would report it. An unknown or blank parent is found when the set is compiled
    /// (OKR004).
    /// </summary>
    /// <param name="id">The owner id (not blank, at most 200 characters).</param>
    /// <param name="name">A display name, optional.</param>
    /// <param name="parentId">The parent owner's id, optional.</param>
    public Owner(string id, string? name = null, string? parentId = null)
    {
        var findings = new ItemFindings("owner", Guard.Against.Null(id));
        findings.Text(id, "id", ItemFindings.MaxIdLength, "owner id");
        if (findings.Errors is { } errors)
        {
            throw new OkrValidationException(errors);
        }

        Id = id;
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
