using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Okr.Core.Documents;

/// <summary>
/// Reads an okr/v1 document (spec section 8) into an <see cref="OkrSet"/>, reporting every OKR001-OKR009 finding
/// at once. Nothing here throws for bad data, and nothing recurses on the document's nesting.
/// </summary>
internal sealed class DocumentReader
{
    public const int MaxIdLength = ItemFindings.MaxIdLength;
    public const int MaxTitleLength = ItemFindings.MaxTitleLength;
    public const int MaxChecklistItems = 100;

    private static readonly string[] TopFields = ["schema", "settings", "periods", "owners", "objectives"];
    private static readonly string[] SettingsFields = ["aspirationalTarget", "onTrackGap", "atRiskGap", "lowConfidence", "staleAfterDays", "objectiveStatus", "scale", "limits", "rules"];
    private static readonly string[] LimitFields = ["maxObjectivesPerOwner", "minKeyResults", "maxKeyResults", "maxDepth"];
    private static readonly string[] BandFields = ["from", "label"];
    private static readonly string[] PeriodFields = ["id", "start", "end"];
    private static readonly string[] OwnerFields = ["id", "name", "parent"];
    private static readonly string[] ObjectiveFields = ["id", "title", "owner", "period", "commitment", "progressFrom", "alignsTo", "keyResults"];
    private static readonly string[] KeyResultCommonFields = ["id", "title", "kind", "weight", "checkIns", "alignsTo"];
    private static readonly string[] CheckInFields = ["at", "value", "confidence", "note"];
    private static readonly string[] ItemFields = ["title", "weight", "doneOn"];
    private static readonly string[] ObjectiveLinkFields = ["objective", "keyResult", "weight"];
    private static readonly string[] KeyResultLinkFields = ["keyResult", "weight"];
    private static readonly string[] CommitmentNames = ["aspirational", "committed"];
    private static readonly string[] ProgressNames = ["keyResults", "children", "both"];
    private static readonly string[] StatusModeNames = ["pace", "worst"];
    private static readonly string[] AggregateNames = ["mean", "sum"];
    private static readonly string[] SeverityNames = ["off", "info", "warning", "error"];
    private static readonly string[] KindNames = Enum.GetValues<KeyResultKind>().Select(KeyResultKinds.ToName).ToArray();

    private readonly DiagnosticSink _sink = new();
    private readonly TopologySpec _spec = new();
    private readonly List<Period> _periods = [];
    private readonly List<Owner> _owners = [];
    private readonly List<Objective> _objectives = [];
    private OkrSettings _settings = OkrSettings.Default;

    private DocumentReader()
    {
    }

    /// <summary>Reads UTF-8 JSON (a byte-order mark is allowed). The set is null when any finding was made.</summary>
    /// <param name="utf8">The document.</param>
    /// <param name="checkGraph">
    /// False when the caller compiles the set straight away: compiling reports the same OKR003/004/006/008 findings, so a
    /// document read by the fast path is not checked twice. (The thorough path always checks: it must report them
    /// together with its own findings.)
    /// </param>
    public static (OkrSet? Set, List<OkrDiagnostic> Findings) Read(ReadOnlySpan<byte> utf8, bool checkGraph = true)
        => Read(utf8, default, checkGraph);

    /// <summary>As <see cref="Read(ReadOnlySpan{byte}, bool)"/>; a large document given as memory is read on two cores.</summary>
    /// <param name="utf8">The document.</param>
    /// <param name="checkGraph">As for the other overload.</param>
    public static (OkrSet? Set, List<OkrDiagnostic> Findings) Read(ReadOnlyMemory<byte> utf8, bool checkGraph = true)
        => Read(utf8.Span, utf8, checkGraph);

    private static (OkrSet? Set, List<OkrDiagnostic> Findings) Read(ReadOnlySpan<byte> utf8, ReadOnlyMemory<byte> shared, bool checkGraph)
    {
        // Most documents are valid: read those in one cheap pass, and only read the others with paths and messages.
        if (FastDocumentReader.TryRead(utf8, shared, withTopology: checkGraph, out var fast))
        {
            var findings = new List<OkrDiagnostic>();
            if (checkGraph)
            {
                GraphValidator.Run(fast.Spec!, findings);
            }

            return (findings.Count == 0 ? new OkrSet(fast.Periods, fast.Owners, fast.Objectives, fast.Settings) : null, findings);
        }

        return ReadThoroughly(utf8);
    }

    /// <summary>Reads with a path and a message for every finding (what <see cref="Read(ReadOnlySpan{byte}, bool)"/> falls back to).</summary>
    internal static (OkrSet? Set, List<OkrDiagnostic> Findings) ReadThoroughly(ReadOnlySpan<byte> utf8)
    {
        var reader = new DocumentReader();
        var set = reader.ReadDocument(utf8);
        return (reader._sink.Items.Count == 0 ? set : null, reader._sink.Items);
    }

    private OkrSet? ReadDocument(ReadOnlySpan<byte> utf8)
    {
        if (utf8.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }

        if (!Utf8.IsValid(utf8))
        {
            var bad = FirstInvalidUtf8(utf8);
            var (line, column) = LineAndColumn(utf8, bad);
            _sink.Add(OkrCodes.MalformedJson, null, $"The document is not valid UTF-8 at line {line}, column {column}: save it as UTF-8.");
            return null;
        }

        if (utf8.Trim(" \t\r\n"u8).IsEmpty)
        {
            _sink.Add(OkrCodes.MalformedJson, null, "The document is empty (line 1, column 1): write an okr/v1 JSON object (okr init writes a starter).");
            return null;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8.ToArray(), new JsonDocumentOptions { MaxDepth = int.MaxValue, AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (JsonException ex)
        {
            var line = (ex.LineNumber ?? 0) + 1;
            var column = ColumnOf(utf8, (int)(ex.LineNumber ?? 0), (int)(ex.BytePositionInLine ?? 0));
            _sink.Add(OkrCodes.MalformedJson, null, $"The document is not well-formed JSON at line {line}, column {column}: {JsonErrorText(ex.Message)}");
            return null;
        }

        using (document)
        {
            if (FirstBadEscape(utf8) is { } badEscape)
            {
                var (line, column) = LineAndColumn(utf8, badEscape);
                _sink.Add(OkrCodes.MalformedJson, null, $"The document has a string with an unpaired surrogate escape (\\uD800-\\uDFFF) at line {line}, column {column}: it is not valid Unicode text.");
                return null;
            }

            var root = JsonObjectReader.Open(document.RootElement, "document", null, _sink);
            if (root is null)
            {
                return null;
            }

            root.RejectUnknown(TopFields);
            var schema = root.String("schema", required: true);
            if (schema is not null && schema != "okr/v1")
            {
                _sink.Schema(null, $"document.schema is \"{JsonObjectReader.Truncate(schema)}\": this reader supports \"okr/v1\".");
            }

            if (root.Object("settings") is { } settings)
            {
                ReadSettings(settings);
            }

            ForEach(root.Array("periods", required: true), "periods", ReadPeriod);
            ForEach(root.Array("owners", required: true), "owners", ReadOwner);
            ForEach(root.Array("objectives", required: true), "objectives", ReadObjective);
        }

        GraphValidator.Run(_spec, _sink.Items);
        return _sink.Items.Count == 0 ? new OkrSet(_periods, _owners, _objectives, _settings) : null;
    }

    private static void ForEach(JsonElement? array, string path, Action<JsonElement, string> read)
    {
        if (array is not { } items)
        {
            return;
        }

        var index = 0;
        foreach (var item in items.EnumerateArray())
        {
            read(item, $"{path}[{index++}]");
        }
    }

    /// <summary>Reads a <c>settings</c> object on its own (for <see cref="FastDocumentReader"/>); null when it has a finding.</summary>
    internal static OkrSettings? ReadSettingsAlone(ReadOnlySpan<byte> utf8)
    {
        if (FirstBadEscape(utf8) is not null)
        {
            return null;
        }

        var reader = new DocumentReader();
        using var document = JsonDocument.Parse(utf8.ToArray());
        reader.ReadSettings(document.RootElement);
        return reader._sink.Items.Count == 0 ? reader._settings : null;
    }

    private void ReadSettings(JsonElement element)
    {
        var settings = JsonObjectReader.Open(element, "settings", null, _sink)!;
        settings.RejectUnknown(SettingsFields);
        var errorsBefore = _sink.Items.Count;
        var options = new OkrSettingsOptions();

        if (settings.Double("aspirationalTarget", false, OkrCodes.InvalidSettings) is { } target)
        {
            options.AspirationalTarget = target;
        }

        if (settings.Double("onTrackGap", false, OkrCodes.InvalidSettings) is { } onTrack)
        {
            options.OnTrackGap = onTrack;
        }

        if (settings.Double("atRiskGap", false, OkrCodes.InvalidSettings) is { } atRisk)
        {
            options.AtRiskGap = atRisk;
        }

        if (IntegerSetting(settings, "lowConfidence", 0, 10, "an integer from 0 to 10") is { } low)
        {
            options.LowConfidence = low;
        }

        if (IntegerSetting(settings, "staleAfterDays", 0, int.MaxValue, "an integer >= 0") is { } stale)
        {
            options.StaleAfterDays = stale;
        }

        if (settings.Enum("objectiveStatus", StatusModeNames) is { } mode)
        {
            options.ObjectiveStatus = (ObjectiveStatusMode)mode;
        }

        if (settings.Array("scale", required: false) is { } scale && ReadScale(scale) is { } gradingScale)
        {
            options.Scale = gradingScale;
        }

        if (settings.Object("limits") is { } limits)
        {
            options.Limits = ReadLimits(limits);
        }

        if (settings.Object("rules") is { } rules)
        {
            ReadRules(rules, options);
        }

        if (settings.Has("aspirationalTarget") && options.AspirationalTarget is <= 0 or > 1)
        {
            _sink.Add(OkrCodes.InvalidSettings, null, string.Create(CultureInfo.InvariantCulture, $"settings.aspirationalTarget is {options.AspirationalTarget}: use a number above 0 and at most 1 (default 0.7)."));
        }

        // Each gap given is checked against the other's value, given or default.
        if ((settings.Has("onTrackGap") || settings.Has("atRiskGap"))
            && !(options.OnTrackGap >= 0 && options.OnTrackGap <= options.AtRiskGap && options.AtRiskGap <= 1))
        {
            _sink.Add(OkrCodes.InvalidSettings, null, string.Create(CultureInfo.InvariantCulture, $"settings.onTrackGap {options.OnTrackGap} and atRiskGap {options.AtRiskGap} must satisfy 0 <= onTrackGap <= atRiskGap <= 1 (defaults 0.15 and 0.30)."));
        }

        if (_sink.Items.Count == errorsBefore)
        {
            OkrSettings.TryCreate(options).Switch(s => _settings = s, errors => _sink.Items.AddRange(errors));
        }
    }

    private int? IntegerSetting(JsonObjectReader reader, string name, int min, int max, string expected)
    {
        var path = reader.Path == "settings" ? $"settings.{name}" : $"{reader.Path}.{name}";
        var number = reader.Number(name, out var isInteger);
        if (number is not { } value)
        {
            return null;
        }

        if (isInteger && value > max && max == int.MaxValue)
        {
            // A count beyond int's range is still a positive integer; it behaves as no limit.
            return int.MaxValue;
        }

        if (!isInteger || value < min || value > max)
        {
            _sink.Add(OkrCodes.InvalidSettings, null, $"{path} is {AsRead(value)}: use {expected}.");
            return null;
        }

        return (int)value;
    }

    private GradingScale? ReadScale(JsonElement array)
    {
        var bands = new List<GradeBand>();
        var complete = true;
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var path = $"settings.scale[{index++}]";
            var band = JsonObjectReader.Open(item, path, null, _sink);
            if (band is null)
            {
                complete = false;
                continue;
            }

            band.RejectUnknown(BandFields);
            var from = band.Double("from", required: true, OkrCodes.InvalidSettings);
            var label = band.String("label", required: true);
            if (from is null || label is null)
            {
                complete = false;
                continue;
            }

            bands.Add(new GradeBand(from.Value, label));
        }

        if (!complete)
        {
            return null;
        }

        return GradingScale.TryCreate(bands).Match<GradingScale?>(s => s, errors =>
        {
            _sink.Items.AddRange(errors);
            return null;
        });
    }

    private QualityLimits ReadLimits(JsonElement element)
    {
        var limits = JsonObjectReader.Open(element, "settings.limits", null, _sink)!;
        limits.RejectUnknown(LimitFields);
        int Limit(string name, int fallback) => IntegerSetting(limits, name, 1, int.MaxValue, "a positive integer") is { } value ? value : fallback;
        var defaults = QualityLimits.Default;
        return new QualityLimits(
            Limit("maxObjectivesPerOwner", defaults.MaxObjectivesPerOwner),
            Limit("minKeyResults", defaults.MinKeyResults),
            Limit("maxKeyResults", defaults.MaxKeyResults),
            Limit("maxDepth", defaults.MaxDepth));
    }

    private void ReadRules(JsonElement element, OkrSettingsOptions options)
    {
        JsonObjectReader.Open(element, "settings.rules", null, _sink)!.ReportDuplicates();
        foreach (var member in element.EnumerateObject())
        {
            if (!OkrRuleCodes.IsBuiltInQualityRule(member.Name))
            {
                _sink.Add(OkrCodes.InvalidSettings, null, $"settings.rules has the key '{JsonObjectReader.Truncate(member.Name)}': only OKR101-OKR109 and OKR201-OKR207 can be configured.");
                continue;
            }

            if (member.Value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            if (member.Value.ValueKind != JsonValueKind.String)
            {
                _sink.Schema(null, $"settings.rules.{member.Name} is {JsonObjectReader.Describe(member.Value)}: expected a string (off, info, warning or error).");
                continue;
            }

            var severity = Array.IndexOf(SeverityNames, member.Value.GetString());
            if (severity < 0)
            {
                _sink.Add(OkrCodes.InvalidSettings, null, $"settings.rules.{member.Name} is \"{JsonObjectReader.Truncate(member.Value.GetString()!)}\": use off, info, warning or error.");
                continue;
            }

            options.Rules[member.Name] = (RuleSeverity)severity;
        }

    }

    private void ReadPeriod(JsonElement element, string path)
    {
        var before = _sink.Items.Count;
        var period = JsonObjectReader.Open(element, path, null, _sink);
        if (period is null)
        {
            _spec.PeriodIds.Add(null);
            return;
        }

        var id = period.Text("id", required: true, MaxIdLength, "period id");
        period.Subject = id;
        period.RejectUnknown(PeriodFields);
        _spec.PeriodIds.Add(id);
        var start = period.Date("start", required: true);
        var end = period.Date("end", required: true);
        if (start is { } s && end is { } e && e < s)
        {
            _sink.Add(OkrCodes.InvalidPeriod, id, $"Period '{id}' ends on {DocumentDates.Format(e)}, before it starts on {DocumentDates.Format(s)}: set 'end' on or after 'start'.");
        }

        if (_sink.Items.Count == before && id is not null && start is not null && end is not null)
        {
            _periods.Add(Period.Create(id, start.Value, end.Value));
        }
    }

    private void ReadOwner(JsonElement element, string path)
    {
        var before = _sink.Items.Count;
        var owner = JsonObjectReader.Open(element, path, null, _sink);
        if (owner is null)
        {
            _spec.Owners.Add(new OwnerSpec(null, null));
            return;
        }

        var id = owner.Text("id", required: true, MaxIdLength, "owner id");
        owner.Subject = id;
        owner.RejectUnknown(OwnerFields);
        var name = owner.String("name", required: false);
        var parent = owner.String("parent", required: false);
        _spec.Owners.Add(new OwnerSpec(id, parent));
        if (_sink.Items.Count == before && id is not null)
        {
            _owners.Add(new Owner(id, name, parent));
        }
    }

    private void ReadObjective(JsonElement element, string path)
    {
        var before = _sink.Items.Count;
        var objective = JsonObjectReader.Open(element, path, null, _sink);
        if (objective is null)
        {
            return;
        }

        var id = objective.Text("id", required: true, MaxIdLength, "objective id");
        objective.Subject = id;
        objective.RejectUnknown(ObjectiveFields);
        var title = objective.Text("title", required: true, MaxTitleLength, "title");
        var owner = objective.String("owner", required: true);
        var period = objective.String("period", required: true);
        var commitment = objective.Enum("commitment", CommitmentNames);
        var progress = objective.Enum("progressFrom", ProgressNames);
        var links = ReadLinks(objective, forKeyResult: false);

        var objectiveItem = _spec.AddObjective(id, owner, period, CollectionsMarshal.AsSpan(links.Specs));
        var keyResults = new List<KeyResult>();
        var index = 0;
        if (objective.Array("keyResults", required: false) is { } array)
        {
            foreach (var item in array.EnumerateArray())
            {
                if (ReadKeyResult(item, $"{path}.keyResults[{index++}]", objectiveItem, id) is { } keyResult)
                {
                    keyResults.Add(keyResult);
                }
            }
        }

        // A blank owner or period is OKR004 (graph validation reports it); the model cannot hold it.
        if (_sink.Items.Count == before && !string.IsNullOrWhiteSpace(owner) && !string.IsNullOrWhiteSpace(period))
        {
            _objectives.Add(new Objective(
                id!,
                title!,
                owner!,
                period!,
                keyResults,
                (Commitment)(commitment ?? 0),
                (ProgressSource)(progress ?? 0),
                links.Links));
        }
    }

    private (List<LinkSpec> Specs, List<AlignmentLink> Links) ReadLinks(JsonObjectReader owner, bool forKeyResult)
    {
        var specs = new List<LinkSpec>();
        var links = new List<AlignmentLink>();
        if (owner.Array("alignsTo", required: false) is not { } array)
        {
            return (specs, links);
        }

        var seen = new HashSet<(AlignmentTargetKind, string)>();
        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            var path = $"{owner.Path}.alignsTo[{index++}]";
            var link = JsonObjectReader.Open(element, path, owner.Subject, _sink);
            if (link is null)
            {
                continue;
            }

            if (forKeyResult)
            {
                link.RejectUnknown(KeyResultLinkFields, link.Contains("objective") ? " (a key result aligns only to key results)" : null);
            }
            else
            {
                link.RejectUnknown(ObjectiveLinkFields);
            }

            var objectiveTarget = forKeyResult ? null : link.String("objective", required: false);
            var keyResultTarget = link.String("keyResult", required: false);
            var weight = link.Weight();
            AlignmentTargetKind kind;
            string target;
            if (objectiveTarget is not null && keyResultTarget is not null)
            {
                _sink.Schema(owner.Subject, $"{path} names both an objective and a key result: a link names exactly one.");
                continue;
            }
            else if (objectiveTarget is not null)
            {
                (kind, target) = (AlignmentTargetKind.Objective, objectiveTarget);
            }
            else if (keyResultTarget is not null)
            {
                (kind, target) = (AlignmentTargetKind.KeyResult, keyResultTarget);
            }
            else
            {
                if (!link.Has("objective") && !link.Has("keyResult"))
                {
                    _sink.Schema(owner.Subject, forKeyResult
                        ? $"{path}.keyResult is missing: a key result's link names the key result it aligns to."
                        : $"{path} names neither an objective nor a key result: give exactly one of 'objective' or 'keyResult'.");
                }

                continue;
            }

            if (!seen.Add((kind, target)))
            {
                _sink.Schema(owner.Subject, $"{path} repeats the link to '{JsonObjectReader.Truncate(target)}': give each link once.");
                continue;
            }

            // A link with a bad weight still names its target: references and cycles are checked all the same.
            specs.Add(new LinkSpec(kind, target, weight ?? 0));
            if (weight is { } w && !string.IsNullOrWhiteSpace(target))
            {
                links.Add(kind == AlignmentTargetKind.Objective ? AlignmentLink.ToObjective(target, w) : AlignmentLink.ToKeyResult(target, w));
            }
        }

        return (specs, links);
    }

    private KeyResult? ReadKeyResult(JsonElement element, string path, int objectiveItem, string? objectiveId)
    {
        var before = _sink.Items.Count;
        var kr = JsonObjectReader.Open(element, path, objectiveId, _sink);
        if (kr is null)
        {
            return null;
        }

        var id = kr.Text("id", required: true, MaxIdLength, "key result id");
        kr.Subject = id ?? objectiveId;
        kr.ReportDuplicates();
        var title = kr.Text("title", required: true, MaxTitleLength, "title");
        var kindIndex = kr.Enum("kind", KindNames);
        if (!kr.Has("kind"))
        {
            kr.TryGet("kind", out _, required: true);
        }

        KeyResultKind? kind = kindIndex is { } k ? (KeyResultKind)k : null;
        var weight = kr.Weight();
        var links = ReadLinks(kr, forKeyResult: true);
        var checkIns = ReadCheckIns(kr);

        // The kind's own fields; with an unknown kind they are not checked.
        KeyResultDefinition? definition = null;
        var definitionComplete = false;
        if (kind is { } known)
        {
            var allowed = new List<string>(KeyResultCommonFields);
            var kindErrorsBefore = _sink.Items.Count;
            definition = ReadDefinition(kr, known, allowed);
            definitionComplete = definition is not null && _sink.Items.Count == kindErrorsBefore;
            kr.RejectUnknown(allowed, $" for kind '{KeyResultKinds.ToName(known)}'");
        }

        _spec.AddKeyResult(id, objectiveItem, kind, definition?.Aggregate ?? AggregateOf(kr, kind), CollectionsMarshal.AsSpan(links.Specs));

        if (definitionComplete)
        {
            var problem = definition!.FindProblem(checkIns.Count, CollectionsMarshal.AsSpan(checkIns.Values), static value => value);
            if (problem is not null)
            {
                _sink.Add(OkrCodes.InvalidKeyResult, kr.Subject, $"Key result '{id}' ({KeyResultKinds.ToName(kind!.Value)}): {problem}.");
            }
        }

        if (_sink.Items.Count != before || id is null || title is null || definition is null || weight is null)
        {
            return null;
        }

        return KeyResult.TryCreate(id, title, definition, weight.Value, checkIns.CheckIns, links.Links).Match<KeyResult?>(k => k, errors =>
        {
            _sink.Items.AddRange(errors);
            return null;
        });
    }

    private static RollupAggregate? AggregateOf(JsonObjectReader kr, KeyResultKind? kind)
    {
        if (kind != KeyResultKind.Rollup || !kr.TryGet("aggregate", out var value, required: false) || value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        return value.GetString() switch
        {
            "mean" => RollupAggregate.Mean,
            "sum" => RollupAggregate.Sum,
            _ => null,
        };
    }

    private KeyResultDefinition? ReadDefinition(JsonObjectReader kr, KeyResultKind kind, List<string> allowed)
    {
        switch (kind)
        {
            case KeyResultKind.Increase:
            case KeyResultKind.Decrease:
                {
                    allowed.AddRange(["baseline", "target"]);
                    var baseline = kr.Decimal("baseline", required: true);
                    var target = kr.Decimal("target", required: true);
                    return baseline is { } b && target is { } t
                        ? (kind == KeyResultKind.Increase ? KeyResultDefinition.Increase(b, t) : KeyResultDefinition.Decrease(b, t))
                        : null;
                }

            case KeyResultKind.AtLeast:
            case KeyResultKind.AtMost:
                {
                    allowed.Add("threshold");
                    var threshold = kr.Decimal("threshold", required: true);
                    return threshold is { } t ? (kind == KeyResultKind.AtLeast ? KeyResultDefinition.AtLeast(t) : KeyResultDefinition.AtMost(t)) : null;
                }

            case KeyResultKind.Within:
                {
                    allowed.AddRange(["min", "max"]);
                    var min = kr.Decimal("min", required: true);
                    var max = kr.Decimal("max", required: true);
                    return min is { } lo && max is { } hi ? KeyResultDefinition.Within(lo, hi) : null;
                }

            case KeyResultKind.Milestone:
                return KeyResultDefinition.Milestone();

            case KeyResultKind.Checklist:
                allowed.Add("items");
                return ReadChecklist(kr);

            default:
                {
                    allowed.Add("aggregate");
                    if (!kr.Has("aggregate"))
                    {
                        kr.TryGet("aggregate", out _, required: true);
                        allowed.AddRange(["baseline", "target"]);
                        return null;
                    }

                    var aggregate = kr.Enum("aggregate", AggregateNames);
                    if (aggregate is null)
                    {
                        // Unknown aggregate: which other fields belong cannot be judged.
                        allowed.AddRange(["baseline", "target"]);
                        return null;
                    }

                    if (aggregate == (int)RollupAggregate.Mean)
                    {
                        return KeyResultDefinition.RollupMean();
                    }

                    allowed.AddRange(["baseline", "target"]);
                    var baseline = kr.Decimal("baseline", required: true);
                    var target = kr.Decimal("target", required: true);
                    return baseline is { } b && target is { } t ? KeyResultDefinition.RollupSum(b, t) : null;
                }
        }
    }

    private KeyResultDefinition? ReadChecklist(JsonObjectReader kr)
    {
        if (kr.Array("items", required: true) is not { } array)
        {
            return null;
        }

        var items = new List<ChecklistItem>();
        var problems = new List<string>();
        var complete = true;
        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            var path = $"{kr.Path}.items[{index++}]";
            var item = JsonObjectReader.Open(element, path, kr.Subject, _sink);
            if (item is null)
            {
                complete = false;
                continue;
            }

            item.RejectUnknown(ItemFields);
            var titleGiven = item.Has("title");
            var title = item.String("title", required: false);
            if (titleGiven && title is null)
            {
                complete = false;
            }
            else if (title is { Length: > MaxTitleLength })
            {
                _sink.Schema(kr.Subject, $"{path}.title has {title.Length} characters: a title has at most {MaxTitleLength}.");
                complete = false;
            }

            var weight = item.Weight();
            var doneGiven = item.Has("doneOn");
            var doneOn = item.Date("doneOn", required: false);
            if (weight is null || (doneGiven && doneOn is null))
            {
                complete = false;
                continue;
            }

            // A missing or blank title is a definition problem (OKR006), judged with the rest of the checklist.
            items.Add(new ChecklistItem(title ?? string.Empty, weight.Value, doneOn));
        }

        return complete ? KeyResultDefinition.Checklist(items) : null;
    }

    /// <summary>The check-ins that read cleanly, every value that was read (kind rules judge those), and how many were given.</summary>
    private (List<CheckIn> CheckIns, List<decimal> Values, int Count) ReadCheckIns(JsonObjectReader kr)
    {
        var checkIns = new List<CheckIn>();
        var values = new List<decimal>();
        var count = 0;
        if (kr.Array("checkIns", required: false) is not { } array)
        {
            return (checkIns, values, count);
        }

        foreach (var element in array.EnumerateArray())
        {
            var path = $"{kr.Path}.checkIns[{count++}]";
            var checkIn = JsonObjectReader.Open(element, path, kr.Subject, _sink);
            if (checkIn is null)
            {
                continue;
            }

            var before = _sink.Items.Count;
            checkIn.RejectUnknown(CheckInFields);
            var at = checkIn.Date("at", required: true);
            var value = checkIn.Decimal("value", required: true);
            var confidenceNumber = checkIn.Number("confidence", out var isInteger);
            int? confidence = null;
            if (confidenceNumber is { } c)
            {
                if (!isInteger || c < 0 || c > 10)
                {
                    _sink.Add(OkrCodes.InvalidNumber, kr.Subject, $"{path}.confidence is {AsRead(c)}: use an integer from 0 to 10.");
                }
                else
                {
                    confidence = (int)c;
                }
            }

            var note = checkIn.String("note", required: false);
            if (value is { } v)
            {
                values.Add(v);
            }

            if (at is { } day && value is { } measured && _sink.Items.Count == before)
            {
                checkIns.Add(new CheckIn(day, measured, confidence, note));
            }
        }

        return (checkIns, values, count);
    }

    /// <summary>The offset of the first string whose escapes do not make valid UTF-16 (a lone surrogate), or null.</summary>
    private static int? FirstBadEscape(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = int.MaxValue });
        while (reader.Read())
        {
            if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped)
            {
                try
                {
                    reader.GetString();
                }
                catch (InvalidOperationException)
                {
                    return (int)reader.TokenStartIndex;
                }
            }
        }

        return null;
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> utf8)
    {
        var offset = 0;
        while (offset < utf8.Length)
        {
            if (Rune.DecodeFromUtf8(utf8[offset..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return offset;
    }

    /// <summary>
    /// A number as read, for a message: reading saturates one beyond decimal's range (1e400) at its limit, which is
    /// not what the user wrote.
    /// </summary>
    private static string AsRead(decimal value) => value is decimal.MaxValue or decimal.MinValue ? "out of range" : string.Create(CultureInfo.InvariantCulture, $"{value}");

    /// <summary>
    /// The 1-based line and column of byte <paramref name="offset"/>, the column in characters (see
    /// <see cref="CharacterColumn"/>); the text before the offset is valid UTF-8.
    /// </summary>
    private static (int Line, int Column) LineAndColumn(ReadOnlySpan<byte> utf8, int offset)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset && i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, CharacterColumn(utf8, lineStart, offset));
    }

    /// <summary>The column in characters of the parser's (0-based line, byte in line) position.</summary>
    private static int ColumnOf(ReadOnlySpan<byte> utf8, int lineIndex, int bytePosition)
    {
        var lineStart = 0;
        for (var line = 0; line < lineIndex && lineStart < utf8.Length; line++)
        {
            var next = utf8[lineStart..].IndexOf((byte)'\n');
            lineStart = next < 0 ? utf8.Length : lineStart + next + 1;
        }

        return CharacterColumn(utf8, lineStart, lineStart + bytePosition);
    }

    /// <summary>
    /// The 1-based column of byte <paramref name="end"/> on the line starting at byte <paramref name="lineStart"/>,
    /// counted in characters (UTF-16 units), as every OKR001 column is: a byte count would put a column past a
    /// non-ASCII character further right than an editor shows it.
    /// </summary>
    private static int CharacterColumn(ReadOnlySpan<byte> utf8, int lineStart, int end)
        => Encoding.UTF8.GetCharCount(utf8[lineStart..Math.Min(end, utf8.Length)]) + 1;

    /// <summary>The parser's explanation without its position suffix and its advice about reader options.</summary>
    private static string JsonErrorText(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var text = cut > 0 ? message[..cut] : message;
        foreach (var noise in new[] { " Change the reader options.", ", when isFinalBlock is true" })
        {
            text = text.Replace(noise, string.Empty, StringComparison.Ordinal);
        }

        // The two commonest slips of hand-edited files, said in a document's terms rather than the parser's (its
        // "mode" and "depth"); other messages pass through as the parser words them.
        if (text.Contains("trailing comma", StringComparison.Ordinal))
        {
            return "a comma follows the last member or element: JSON allows no trailing comma.";
        }

        if (text.StartsWith("Expected depth to be zero at the end of the JSON payload", StringComparison.Ordinal)
            || text.EndsWith("but instead reached end of data.", StringComparison.Ordinal))
        {
            return "the text ends before the document does: a value, '}' or ']' is missing.";
        }

        return text;
    }
}
