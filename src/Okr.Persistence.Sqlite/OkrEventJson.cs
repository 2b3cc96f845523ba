using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using Okr.Core;
using Okr.Core.Events;
using OneOf;

namespace Okr.Persistence.Sqlite;

/// <summary>Writes and reads outbox events as JSON with their type name beside them.</summary>
internal static class OkrEventJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase), new ValueArrayConverterFactory() },
    };

    private static readonly ConcurrentDictionary<string, Type?> Types = new(StringComparer.Ordinal);

    public static string TypeName(OkrEvent okrEvent)
    {
        var type = okrEvent.GetType();
        return $"{type.FullName}, {type.Assembly.GetName().Name}";
    }

    public static string Serialize(OkrEvent okrEvent) => JsonSerializer.Serialize(okrEvent, okrEvent.GetType(), Options);

    /// <summary>The event, or why it cannot be read: its type cannot be loaded, or its payload does not fit the type.</summary>
    public static OneOf<OkrEvent, string> Deserialize(string typeName, string payload)
    {
        var type = Types.GetOrAdd(typeName, static name => LoadType(name));
        if (type is null || !typeof(OkrEvent).IsAssignableFrom(type))
        {
            return type is null ? "no such type is loaded in this process" : "the type is not an OkrEvent";
        }

        try
        {
            return JsonSerializer.Deserialize(payload, type, Options) is OkrEvent okrEvent ? okrEvent : "its payload is null";
        }
        catch (Exception e) when (e is JsonException or ArgumentException or NotSupportedException or InvalidOperationException)
        {
            return $"its payload does not fit the type ({e.Message})";
        }
    }

    /// <summary>The type, or null when it cannot be loaded: even with throwOnError false, a malformed assembly name throws.</summary>
    private static Type? LoadType(string name)
    {
        try
        {
            return Type.GetType(name, throwOnError: false);
        }
        catch (Exception e) when (e is ArgumentException or IOException or TypeLoadException or BadImageFormatException)
        {
            return null;
        }
    }

    private sealed class ValueArrayConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) => typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(ValueArray<>);

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options)
            => (JsonConverter)Activator.CreateInstance(typeof(ValueArrayConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;
    }

    private sealed class ValueArrayConverter<T> : JsonConverter<ValueArray<T>>
    {
        public override ValueArray<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
            => ValueArray.From(JsonSerializer.Deserialize<T[]>(ref reader, options));

        public override void Write(Utf8JsonWriter writer, ValueArray<T> value, JsonSerializerOptions options)
            => JsonSerializer.Serialize(writer, value.AsImmutableArray().ToArray(), options);
    }
}
