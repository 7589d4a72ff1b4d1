using System.Buffers;
using System.Text.Json;
using StackBlaze.Webhook.Core.Limits;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace StackBlaze.Webhook.Core.Manifests;

/// <summary>
/// Reads one YAML document as the JSON kubectl makes of it (scalars as <see cref="YamlScalars"/>
/// types them, anchors and merge keys (<c>&lt;&lt;</c>) resolved), written straight as JSON and
/// read once as the element the domain takes, within a <see cref="ReadBudget"/>: past
/// <see cref="ManifestLimits.MaxDepth"/> or the values left, it stops before writing more.
/// </summary>
internal sealed class YamlToJson
{
    private readonly IParser parser;
    private readonly string source;
    private readonly ReadBudget budget;
    private readonly Dictionary<string, (JsonElement Value, long Size)> anchors = new(StringComparer.Ordinal);
    private long built;

    private YamlToJson(IParser parser, string source, ReadBudget budget) => (this.parser, this.source, this.budget) = (parser, source, budget);

    /// <summary>Reads the document the parser stands at, through its end; null when it holds nothing.</summary>
    public static JsonElement? ReadDocument(IParser parser, string source, ReadBudget budget)
    {
        var start = parser.Consume<DocumentStart>().Start;
        JsonElement? value = null;
        if (!parser.Accept<DocumentEnd>(out _))
        {
            var reader = new YamlToJson(parser, source, budget);
            value = reader.Written(writer => reader.Write(writer, 1), start);
        }
        parser.Consume<DocumentEnd>();
        return value is { ValueKind: JsonValueKind.Null } ? null : value;
    }

    /// <summary>What <paramref name="write"/> writes, read back as an element of its own.</summary>
    private JsonElement Written(Action<Utf8JsonWriter> write, Mark at)
    {
        var json = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(json))
        {
            write(writer);
        }
        try
        {
            return JsonElement.Parse(json.WrittenSpan);
        }
        catch (JsonException)
        {
            // Only aliases nest it deeper than it was read: each copies a value that was within the limit where it stood.
            throw new ManifestException($"{source}:{at.Line}:{at.Column}: not read: nested deeper than {ManifestLimits.MaxDepth} levels");
        }
    }

    private void Write(Utf8JsonWriter writer, int depth)
    {
        var start = parser.Current!.Start;
        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            if (!anchors.TryGetValue(alias.Value.Value, out var target))
            {
                throw new YamlException(alias.Start, alias.End, $"unknown anchor *{BoundedText.Quote(alias.Value.Value)}");
            }
            Take(target.Size, start);
            target.Value.WriteTo(writer);
        }
        else if (parser.Current is NodeEvent { Anchor.IsEmpty: false } anchored)
        {
            // Read back on its own as well: its aliases copy that element rather than read the YAML again.
            var builtBefore = built;
            var value = Written(own => WriteValue(own, depth, start), start);
            anchors[anchored.Anchor.Value] = (value, built - builtBefore);
            value.WriteTo(writer);
        }
        else
        {
            WriteValue(writer, depth, start);
        }
    }

    private void WriteValue(Utf8JsonWriter writer, int depth, Mark start)
    {
        Take(1, start);
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            if (YamlScalars.Value(scalar) is { } value)
            {
                value.WriteTo(writer);
            }
            else
            {
                writer.WriteNullValue();
            }
        }
        else if (depth > ManifestLimits.MaxDepth)
        {
            throw new ManifestException($"{source}:{start.Line}:{start.Column}: not read: nested deeper than {ManifestLimits.MaxDepth} levels");
        }
        else if (parser.TryConsume<SequenceStart>(out _))
        {
            writer.WriteStartArray();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                Write(writer, depth + 1);
            }
            writer.WriteEndArray();
        }
        else
        {
            WriteMapping(writer, depth);
        }
    }

    private void WriteMapping(Utf8JsonWriter writer, int depth)
    {
        parser.Consume<MappingStart>();
        writer.WriteStartObject();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var merged = new List<JsonElement>();
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var keyEvent = parser.Current!;
            if (keyEvent is Scalar { Value: "<<", Style: ScalarStyle.Plain, Tag.IsEmpty: true })
            {
                parser.MoveNext();
                var sources = Written(own => Write(own, depth + 1), keyEvent.Start);
                JsonElement[] mappings = sources.ValueKind == JsonValueKind.Array ? [.. sources.EnumerateArray()] : [sources];
                merged.AddRange(mappings.All(mapping => mapping.ValueKind == JsonValueKind.Object)
                    ? mappings
                    : throw new YamlException(keyEvent.Start, keyEvent.End, "a merge key (<<) must name mappings"));
                continue;
            }
            Take(1, keyEvent.Start);
            var key = parser.TryConsume<Scalar>(out var scalar)
                ? YamlScalars.Key(scalar)
                : throw new YamlException(keyEvent.Start, keyEvent.End, "keys must be scalars");
            if (!keys.Add(key))
            {
                throw new YamlException(keyEvent.Start, keyEvent.End, $"duplicate key {YamlScalars.Quote(key)}");
            }
            writer.WritePropertyName(key);
            Write(writer, depth + 1);
        }
        // The mapping's own keys override merged ones; earlier sources override later ones.
        foreach (var property in merged.SelectMany(mapping => mapping.EnumerateObject()).Where(property => keys.Add(property.Name)))
        {
            property.WriteTo(writer);
        }
        writer.WriteEndObject();
    }

    private void Take(long values, Mark at)
    {
        built += values;
        if (!budget.TakeValues(values))
        {
            throw new ManifestException(
                $"{source}:{at.Line}:{at.Column}: not read: more than {ManifestLimits.MaxValues} values (aliases count what they copy)");
        }
    }
}
