using System.Text.Json.Nodes;
using Okr.Core.Documents;
using Okr.Core.Validation;

namespace Okr.Core.Tests.Validation;

/// <summary>
/// Builds okr/v1 documents as JSON text for the rule tests. <see cref="Create"/> starts with period
/// <c>2026-Q4</c> (2026-10-01..2026-12-31) and owner <c>acme</c>; objectives default to that owner and period.
/// </summary>
internal sealed class OkrDocBuilder
{
    /// <summary>A day inside 2026-Q4 (elapsed 46/92).</summary>
    public static readonly DateOnly Inside = new(2026, 11, 15);

    /// <summary>The day after 2026-Q4 ends.</summary>
    public static readonly DateOnly AfterEnd = new(2027, 1, 1);

    public const string Quarter = "2026-Q4";

    private readonly JsonObject _settings = [];
    private readonly JsonArray _periods = [];
    private readonly JsonArray _owners = [];
    private readonly JsonArray _objectives = [];

    public static OkrDocBuilder Create() => new OkrDocBuilder().Period(Quarter, "2026-10-01", "2026-12-31").Owner("acme");

    public OkrDocBuilder Period(string id, string start, string end)
    {
        _periods.Add(new JsonObject { ["id"] = id, ["start"] = start, ["end"] = end });
        return this;
    }

    public OkrDocBuilder Owner(string id, string? parent = null)
    {
        var owner = new JsonObject { ["id"] = id, ["name"] = id };
        if (parent is not null)
        {
            owner["parent"] = parent;
        }

        _owners.Add(owner);
        return this;
    }

    public OkrDocBuilder Objective(string id, string title, Action<ObjectiveSpec>? configure = null)
    {
        var spec = new ObjectiveSpec(id, title);
        configure?.Invoke(spec);
        _objectives.Add(spec.Node);
        return this;
    }

    /// <summary>Sets <c>settings.rules[code]</c> to a severity name (off, info, warning, error).</summary>
    public OkrDocBuilder Rule(string code, string severity) => Settings("rules", code, JsonValue.Create(severity));

    /// <summary>Sets <c>settings.limits[name]</c>.</summary>
    public OkrDocBuilder Limit(string name, int value) => Settings("limits", name, JsonValue.Create(value));

    /// <summary>Sets a top-level setting such as <c>staleAfterDays</c>.</summary>
    public OkrDocBuilder Setting(string name, JsonNode value)
    {
        _settings[name] = value;
        return this;
    }

    public string Json => new JsonObject
    {
        ["schema"] = "okr/v1",
        ["settings"] = _settings.DeepClone(),
        ["periods"] = _periods.DeepClone(),
        ["owners"] = _owners.DeepClone(),
        ["objectives"] = _objectives.DeepClone(),
    }.ToJsonString();

    public DocumentAnalysis Analyze(DateOnly asOf) => OkrDocument.Analyze(Json, asOf);

    public DocumentAnalysis Analyze(DateOnly asOf, OkrValidator validator) => OkrDocument.Analyze(Json, asOf, validator);

    private OkrDocBuilder Settings(string section, string name, JsonNode? value)
    {
        if (_settings[section] is not JsonObject inner)
        {
            inner = [];
            _settings[section] = inner;
        }

        inner[name] = value;
        return this;
    }
}

/// <summary>One objective of an <see cref="OkrDocBuilder"/> document.</summary>
internal sealed class ObjectiveSpec
{
    private readonly JsonArray _keyResults = [];
    private readonly JsonArray _alignsTo = [];

    public ObjectiveSpec(string id, string title)
    {
        Id = id;
        Node = new JsonObject
        {
            ["id"] = id,
            ["title"] = title,
            ["owner"] = "acme",
            ["period"] = OkrDocBuilder.Quarter,
            ["alignsTo"] = _alignsTo,
            ["keyResults"] = _keyResults,
        };
    }

    public string Id { get; }

    public JsonObject Node { get; }

    public ObjectiveSpec Owner(string owner) => Set("owner", owner);

    public ObjectiveSpec Period(string period) => Set("period", period);

    public ObjectiveSpec Committed() => Set("commitment", "committed");

    public ObjectiveSpec ProgressFrom(string source) => Set("progressFrom", source);

    public ObjectiveSpec AlignsTo(string objectiveId)
    {
        _alignsTo.Add(new JsonObject { ["objective"] = objectiveId });
        return this;
    }

    public ObjectiveSpec AlignsToKeyResult(string keyResultId)
    {
        _alignsTo.Add(new JsonObject { ["keyResult"] = keyResultId });
        return this;
    }

    /// <summary>An increase KR from <paramref name="baseline"/> to <paramref name="target"/> with check-ins <c>(at, value)</c>.</summary>
    public ObjectiveSpec Increase(string id, string title, decimal baseline, decimal target, params (string At, decimal Value)[] checkIns)
    {
        var checkInNodes = new JsonArray();
        foreach (var (at, value) in checkIns)
        {
            checkInNodes.Add(new JsonObject { ["at"] = at, ["value"] = value });
        }

        return KeyResult(new JsonObject
        {
            ["id"] = id,
            ["title"] = title,
            ["kind"] = "increase",
            ["baseline"] = baseline,
            ["target"] = target,
            ["checkIns"] = checkInNodes,
        });
    }

    /// <summary>An increase KR 0 -> 100 with one check-in of <paramref name="value"/> (score value/100) on <paramref name="at"/>.</summary>
    public ObjectiveSpec Percent(string id, decimal value, string at = "2026-11-10") =>
        Increase(id, $"Raise adoption from 0% to 100% ({id})", 0, 100, (at, value));

    /// <summary><paramref name="count"/> increase KRs <c>{objective}-kr1..n</c>, each checked in fresh at 50%.</summary>
    public ObjectiveSpec KeyResults(int count)
    {
        for (var i = 1; i <= count; i++)
        {
            Percent($"{Id}-kr{i}", 50);
        }

        return this;
    }

    public ObjectiveSpec Milestone(string id, string title, params (string At, int Value)[] checkIns)
    {
        var checkInNodes = new JsonArray();
        foreach (var (at, value) in checkIns)
        {
            checkInNodes.Add(new JsonObject { ["at"] = at, ["value"] = value });
        }

        return KeyResult(new JsonObject { ["id"] = id, ["title"] = title, ["kind"] = "milestone", ["checkIns"] = checkInNodes });
    }

    public ObjectiveSpec Checklist(string id, string title, string? doneOn = null) => KeyResult(new JsonObject
    {
        ["id"] = id,
        ["title"] = title,
        ["kind"] = "checklist",
        ["items"] = new JsonArray(new JsonObject { ["title"] = "First step", ["doneOn"] = doneOn }),
    });

    public ObjectiveSpec KeyResult(JsonObject keyResult)
    {
        _keyResults.Add(keyResult);
        return this;
    }

    private ObjectiveSpec Set(string name, string value)
    {
        Node[name] = value;
        return this;
    }
}
