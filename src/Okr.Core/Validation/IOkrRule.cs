using Ardalis.GuardClauses;

namespace Okr.Core.Validation;

/// <summary>
/// A quality rule: looks at a whole evaluated OKR set and reports findings. Rules are stateless; the validator
/// applies the configured severity. Host rules use their own code prefix (e.g. <c>ACME001</c>).
/// </summary>
public interface IOkrRule
{
    /// <summary>The rule's code, title, default severity and help.</summary>
    OkrRuleDescriptor Descriptor { get; }

    /// <summary>Reports every finding of this rule in <paramref name="context"/>.</summary>
    /// <param name="context">The set, its graph and its evaluation as of the day.</param>
    /// <param name="report">Call once per finding with the subject id and a message.</param>
    void Check(OkrRuleContext context, RuleReporter report);
}

/// <summary>Reports one finding: the id it is about (or null for the document) and a message saying what to do.</summary>
/// <param name="subject">The subject id.</param>
/// <param name="message">What is wrong and how to fix it.</param>
public delegate void RuleReporter(string? subject, string message);

/// <summary>What a rule is, for catalogues and UIs.</summary>
/// <param name="Code">The stable code, e.g. <c>OKR103</c>.</param>
/// <param name="Title">A short title.</param>
/// <param name="DefaultSeverity">The severity when not overridden.</param>
/// <param name="Help">What it checks and how to fix or silence it.</param>
/// <param name="Practice">The OKR practice behind it.</param>
public sealed record OkrRuleDescriptor(string Code, string Title, OkrSeverity DefaultSeverity, string Help, string Practice)
{
    /// <summary>The stable code, e.g. <c>OKR103</c>.</summary>
    public string Code { get; } = Guard.Against.NullOrWhiteSpace(Code);

    /// <summary>A short title.</summary>
    public string Title { get; } = Title;

    /// <summary>The severity when not overridden.</summary>
    public OkrSeverity DefaultSeverity { get; } = Guard.Against.EnumOutOfRange(DefaultSeverity);

    /// <summary>What it checks and how to fix or silence it.</summary>
    public string Help { get; } = Help;

    /// <summary>The OKR practice behind it.</summary>
    public string Practice { get; } = Practice;
}
