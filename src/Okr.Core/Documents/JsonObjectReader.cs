using System.Globalization;
using System.Text.Json;

namespace Okr.Core.Documents;

/// <summary>
/// Reads one JSON object of an okr/v1 document: reports duplicate and unknown members (OKR002) and gives typed
/// access to the known ones, reporting wrong types, missing required fields and bad numbers with the subject
/// (nearest id) and the field's path in the message.
/// </summary>
internal sealed class JsonObjectReader
{
    private readonly Dictionary<string, JsonElement> _members = new(StringComparer.Ordinal);
    private readonly DiagnosticSink _sink;

    private JsonObjectReader(string path, DiagnosticSink sink)
    {
        Path = path;
        _sink = sink;
    }

    /// <summary>Where this object is, for messages (e.g. <c>objectives[2].keyResults[0]</c>).</summary>
    public string Path { get; }

    /// <summary>The id findings inside this object are about.</summary>
    public string? Subject { get; set; }

    /// <summary>
    /// Opens <paramref name="element"/> as an object; null (after reporting OKR002) when it is not one.
    /// Duplicate members are reported; the first occurrence is read.
    /// </summary>
    public static JsonObjectReader? Open(JsonElement element, string path, string? subject, DiagnosticSink sink)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            sink.Schema(subject, $"{path} is {Describe(element)}: expected an object.");
            return null;
        }

        var reader = new JsonObjectReader(path, sink) { Subject = subject };
        foreach (var member in element.EnumerateObject())
        {
            if (!reader._members.TryAdd(member.Name, member.Value))
            {
                reader._duplicates.Add(member.Name);
            }
        }

        return reader;
    }

    private readonly List<string> _duplicates = [];
    private bool _duplicatesReported;

    /// <summary>
    /// Reports members given more than once (the first is read). Called once the object's own id is known, so the
    /// finding names it; <see cref="RejectUnknown"/> calls it too.
    /// </summary>
    public void ReportDuplicates()
    {
        if (_duplicatesReported)
        {
            return;
        }

        _duplicatesReported = true;
        foreach (var name in _duplicates.Distinct(StringComparer.Ordinal))
        {
            _sink.Schema(Subject, $"{Path} has the member '{name}' more than once: keep one.");
        }
    }

    /// <summary>Whether the member is present and not null.</summary>
    public bool Has(string name) => _members.TryGetValue(name, out var value) && value.ValueKind != JsonValueKind.Null;

    /// <summary>Whether the member is present at all (null included).</summary>
    public bool Contains(string name) => _members.ContainsKey(name);

    /// <summary>Reports every member not in <paramref name="allowed"/> as unknown, whatever its value (null included).</summary>
    public void RejectUnknown(IReadOnlyCollection<string> allowed, string? hint = null)
    {
        ReportDuplicates();
        foreach (var name in _members.Keys)
        {
            if (!allowed.Contains(name))
            {
                _sink.Schema(Subject, $"{Path} has the unknown field '{name}'{hint}: allowed here are {string.Join(", ", allowed)}.");
            }
        }
    }

    /// <summary>Reports the member as not allowed (it belongs to another kind), whatever its value.</summary>
    public void RejectIfPresent(string name, string why)
    {
        if (Contains(name))
        {
            _sink.Schema(Subject, $"{Path}.{name} is not allowed here: {why}.");
        }
    }

    public bool TryGet(string name, out JsonElement value, bool required)
    {
        if (_members.TryGetValue(name, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        if (required)
        {
            _sink.Schema(Subject, $"{Path}.{name} is missing: it is required.");
        }

        return false;
    }

    public string? String(string name, bool required)
    {
        if (!TryGet(name, out var value, required))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            WrongType(name, value, "a string");
            return null;
        }

        return value.GetString();
    }

    /// <summary>An id or title: a non-blank string of at most <paramref name="maxLength"/> UTF-16 units.</summary>
    public string? Text(string name, bool required, int maxLength, string what)
    {
        var text = String(name, required);
        if (text is null)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            _sink.Schema(Subject, $"{Path}.{name} is {(text.Length == 0 ? "empty" : "blank")}: give a non-blank {what}.");
            return null;
        }

        if (text.Length > maxLength)
        {
            _sink.Schema(Subject, $"{Path}.{name} has {text.Length} characters: {ItemFindings.WithArticle(what)} has at most {maxLength}.");
            return null;
        }

        return text;
    }

    public DateOnly? Date(string name, bool required)
    {
        var text = String(name, required);
        if (text is null)
        {
            return null;
        }

        if (!DocumentDates.TryParse(text, out var date))
        {
            _sink.Schema(Subject, $"{Path}.{name} is \"{Truncate(text)}\": write a real day as YYYY-MM-DD.");
            return null;
        }

        return date;
    }

    /// <summary>A measured value: any JSON number within decimal's range (else OKR005).</summary>
    public decimal? Decimal(string name, bool required)
    {
        if (!TryGet(name, out var value, required))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number)
        {
            WrongType(name, value, "a number");
            return null;
        }

        if (!value.TryGetDecimal(out var number))
        {
            _sink.Add(OkrCodes.InvalidNumber, Subject, $"{Path}.{name} is {Truncate(value.GetRawText())}, outside the range of measured values (about ±7.9e28): use a smaller number or another unit.");
            return null;
        }

        return number;
    }

    /// <summary>A double (weights, settings): a finite JSON number (else <paramref name="rangeCode"/>).</summary>
    public double? Double(string name, bool required, string rangeCode)
    {
        if (!TryGet(name, out var value, required))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number)
        {
            WrongType(name, value, "a number");
            return null;
        }

        if (!value.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            _sink.Add(rangeCode, Subject, $"{Path}.{name} is {Truncate(value.GetRawText())}, outside the range of a double: use a smaller number.");
            return null;
        }

        return number + 0.0;
    }

    /// <summary>A weight: finite and &gt;= 0, default 1 (else OKR005).</summary>
    public double? Weight(string name = "weight")
    {
        if (!Has(name))
        {
            return 1;
        }

        var weight = Double(name, required: false, OkrCodes.InvalidNumber);
        if (weight is < 0)
        {
            _sink.Add(OkrCodes.InvalidNumber, Subject, string.Create(CultureInfo.InvariantCulture, $"{Path}.{name} is {weight}: a weight is >= 0 (0 shows the item without counting it)."));
            return null;
        }

        return weight;
    }

    /// <summary>A whole number given as a JSON number (7.0 counts as 7); null and <paramref name="isInteger"/> false when it has a fraction.</summary>
    public decimal? Number(string name, out bool isInteger)
    {
        isInteger = false;
        if (!TryGet(name, out var value, required: false))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number)
        {
            WrongType(name, value, "a number");
            return null;
        }

        if (!value.TryGetDecimal(out var number))
        {
            // Beyond decimal's range (about 7.9e28): a whole number far outside any range a caller accepts.
            isInteger = true;
            return value.GetRawText().TrimStart().StartsWith('-') ? decimal.MinValue : decimal.MaxValue;
        }

        isInteger = number == decimal.Truncate(number);
        return number;
    }

    public JsonElement? Array(string name, bool required)
    {
        if (!TryGet(name, out var value, required))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            WrongType(name, value, "an array");
            return null;
        }

        return value;
    }

    public JsonElement? Object(string name)
    {
        if (!TryGet(name, out var value, required: false))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            WrongType(name, value, "an object");
            return null;
        }

        return value;
    }

    /// <summary>One of <paramref name="names"/> (case-sensitive), else OKR002.</summary>
    public int? Enum(string name, IReadOnlyList<string> names)
    {
        var text = String(name, required: false);
        if (text is null)
        {
            return null;
        }

        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], text, StringComparison.Ordinal))
            {
                return i;
            }
        }

        _sink.Schema(Subject, $"{Path}.{name} is \"{Truncate(text)}\": use one of {string.Join(", ", names)}.");
        return null;
    }

    private void WrongType(string name, JsonElement value, string expected)
        => _sink.Schema(Subject, $"{Path}.{name} is {Describe(value)}: expected {expected}.");

    internal static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "not a value",
    };

    internal static string Truncate(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "...");
}
