using System.Text;
using System.Text.Json;
using Okr.Core.Persistence;

namespace Okr.Persistence.Sqlite;

/// <summary>The lifecycle column: <c>{"objectives":{"id":"active",...},"closedPeriods":["2026-Q3"]}</c>.</summary>
internal static class LifecycleJson
{
    public static string Write(OkrLifecycle lifecycle)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("objectives");
            foreach (var (id, state) in lifecycle.ObjectiveStates)
            {
                writer.WriteString(id, OkrLifecycle.Name(state));
            }

            writer.WriteEndObject();
            writer.WriteStartArray("closedPeriods");
            foreach (var period in lifecycle.ClosedPeriods)
            {
                writer.WriteStringValue(period);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The lifecycle, or null when the JSON is not one.</summary>
    public static OkrLifecycle? TryRead(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var states = new List<KeyValuePair<string, ObjectiveState>>();
            foreach (var property in root.GetProperty("objectives").EnumerateObject())
            {
                if (!OkrLifecycle.TryParse(property.Value.GetString(), out var state))
                {
                    return null;
                }

                states.Add(KeyValuePair.Create(property.Name, state));
            }

            var closed = root.GetProperty("closedPeriods").EnumerateArray().Select(p => p.GetString() ?? throw new FormatException()).ToArray();
            return new OkrLifecycle(states, closed);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
        {
            return null;
        }
    }
}
