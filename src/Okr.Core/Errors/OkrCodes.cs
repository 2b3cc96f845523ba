namespace Okr.Core;

/// <summary>The stable finding codes of the okr/v1 contract. OKR0xx are always errors.</summary>
public static class OkrCodes
{
    /// <summary>The text is not well-formed JSON.</summary>
    public const string MalformedJson = "OKR001";

    /// <summary>Schema: missing or unknown field, wrong type, bad enum, blank id or title, bad date, repeated link.</summary>
    public const string Schema = "OKR002";

    /// <summary>Duplicate id.</summary>
    public const string DuplicateId = "OKR003";

    /// <summary>Reference to an unknown id or an id of the wrong kind.</summary>
    public const string UnknownReference = "OKR004";

    /// <summary>Invalid number: out of range, negative weight, confidence not an integer 0-10.</summary>
    public const string InvalidNumber = "OKR005";

    /// <summary>Invalid key result definition.</summary>
    public const string InvalidKeyResult = "OKR006";

    /// <summary>Invalid period (end before start).</summary>
    public const string InvalidPeriod = "OKR007";

    /// <summary>Alignment cycle (or a cycle of owner parents).</summary>
    public const string AlignmentCycle = "OKR008";

    /// <summary>Invalid settings.</summary>
    public const string InvalidSettings = "OKR009";
}
