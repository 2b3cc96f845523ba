using System.Text.Json;

namespace Okr.Core.Documents;

/// <summary>Writes an <see cref="OkrSet"/> as okr/v1 JSON; fields at their default value are left out.</summary>
internal static class DocumentWriter
{
    public static byte[] Write(OkrSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("schema", OkrDocument.Schema);
            WriteSettings(json, set.Settings);
            json.WriteStartArray("periods");
            foreach (var period in set.Periods)
            {
                json.WriteStartObject();
                json.WriteString("id", period.Id);
                json.WriteString("start", DocumentDates.Format(period.Start));
                json.WriteString("end", DocumentDates.Format(period.End));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("owners");
            foreach (var owner in set.Owners)
            {
                json.WriteStartObject();
                json.WriteString("id", owner.Id);
                WriteOptional(json, "name", owner.Name);
                WriteOptional(json, "parent", owner.ParentId);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("objectives");
            foreach (var objective in set.Objectives)
            {
                WriteObjective(json, objective);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return stream.ToArray();
    }

    private static void WriteSettings(Utf8JsonWriter json, OkrSettings settings)
    {
        var defaults = OkrSettings.Default;
        if (settings.Equals(defaults))
        {
            return;
        }

        json.WriteStartObject("settings");
        json.WriteNumber("aspirationalTarget", settings.AspirationalTarget);
        json.WriteNumber("onTrackGap", settings.OnTrackGap);
        json.WriteNumber("atRiskGap", settings.AtRiskGap);
        json.WriteNumber("lowConfidence", settings.LowConfidence);
        json.WriteNumber("staleAfterDays", settings.StaleAfterDays);
        json.WriteString("objectiveStatus", settings.ObjectiveStatus == ObjectiveStatusMode.Worst ? "worst" : "pace");
        json.WriteStartArray("scale");
        foreach (var band in settings.Scale.Bands)
        {
            json.WriteStartObject();
            json.WriteNumber("from", band.From);
            json.WriteString("label", band.Label);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartObject("limits");
        json.WriteNumber("maxObjectivesPerOwner", settings.Limits.MaxObjectivesPerOwner);
        json.WriteNumber("minKeyResults", settings.Limits.MinKeyResults);
        json.WriteNumber("maxKeyResults", settings.Limits.MaxKeyResults);
        json.WriteNumber("maxDepth", settings.Limits.MaxDepth);
        json.WriteEndObject();
        json.WriteStartObject("rules");
        foreach (var rule in settings.Rules)
        {
            // Host rule codes are configured in code; an okr/v1 document names only the built-in rules.
            if (OkrRuleCodes.IsBuiltInQualityRule(rule.Code))
            {
                json.WriteString(rule.Code, rule.Severity.ToString().ToLowerInvariant());
            }
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteObjective(Utf8JsonWriter json, Objective objective)
    {
        json.WriteStartObject();
        json.WriteString("id", objective.Id);
        json.WriteString("title", objective.Title);
        json.WriteString("owner", objective.OwnerId);
        json.WriteString("period", objective.PeriodId);
        if (objective.Commitment == Commitment.Committed)
        {
            json.WriteString("commitment", "committed");
        }

        if (objective.ProgressFrom != ProgressSource.KeyResults)
        {
            json.WriteString("progressFrom", objective.ProgressFrom == ProgressSource.Children ? "children" : "both");
        }

        WriteLinks(json, objective.AlignsTo);
        json.WriteStartArray("keyResults");
        foreach (var keyResult in objective.KeyResults)
        {
            WriteKeyResult(json, keyResult);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteKeyResult(Utf8JsonWriter json, KeyResult keyResult)
    {
        var definition = keyResult.Definition;
        json.WriteStartObject();
        json.WriteString("id", keyResult.Id);
        json.WriteString("title", keyResult.Title);
        json.WriteString("kind", KeyResultKinds.ToName(keyResult.Kind));
        WriteOptional(json, "aggregate", definition.Aggregate switch { RollupAggregate.Mean => "mean", RollupAggregate.Sum => "sum", _ => null });
        WriteOptional(json, "baseline", definition.Baseline);
        WriteOptional(json, "target", definition.Target);
        WriteOptional(json, "threshold", definition.Threshold);
        WriteOptional(json, "min", definition.Min);
        WriteOptional(json, "max", definition.Max);
        if (definition.Kind == KeyResultKind.Checklist)
        {
            json.WriteStartArray("items");
            foreach (var item in definition.Items)
            {
                json.WriteStartObject();
                json.WriteString("title", item.Title);
                if (item.Weight != 1)
                {
                    json.WriteNumber("weight", item.Weight);
                }

                WriteOptional(json, "doneOn", item.DoneOn is { } done ? DocumentDates.Format(done) : null);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        if (keyResult.Weight != 1)
        {
            json.WriteNumber("weight", keyResult.Weight);
        }

        if (keyResult.CheckIns.Count > 0)
        {
            json.WriteStartArray("checkIns");
            foreach (var checkIn in keyResult.CheckIns)
            {
                json.WriteStartObject();
                json.WriteString("at", DocumentDates.Format(checkIn.At));
                json.WriteNumber("value", checkIn.Value);
                if (checkIn.Confidence is { } confidence)
                {
                    json.WriteNumber("confidence", confidence);
                }

                WriteOptional(json, "note", checkIn.Note);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        WriteLinks(json, keyResult.AlignsTo);
        json.WriteEndObject();
    }

    private static void WriteLinks(Utf8JsonWriter json, ValueArray<AlignmentLink> links)
    {
        if (links.Count == 0)
        {
            return;
        }

        json.WriteStartArray("alignsTo");
        foreach (var link in links)
        {
            json.WriteStartObject();
            json.WriteString(link.TargetKind == AlignmentTargetKind.Objective ? "objective" : "keyResult", link.TargetId);
            if (link.Weight != 1)
            {
                json.WriteNumber("weight", link.Weight);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, decimal? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
    }
}
