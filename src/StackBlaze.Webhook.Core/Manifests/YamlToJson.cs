using System.Text.Json.Nodes;
using StackBlaze.Webhook.Core.Limits;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace StackBlaze.Webhook.Core.Manifests;

/// <summary>
/// Turns one YAML document into JSON as kubectl reads it (scalars as <see cref="YamlScalars"/>
/// types them, anchors and merge keys (<c>&lt;&lt;</c>) resolved), within a <see cref="ReadBudget"/>:
/// past <see cref="ManifestLimits.MaxDepth"/> or the values left, it stops before building more.
/// </summary>
internal sealed class YamlToJson
{
    private readonly IParser parser;
    private readonly string source;
    private readonly ReadBudget budget;
    private readonly Dictionary<string, (JsonNode? Value, long Size)> anchors = new(StringComparer.Ordinal);
    private long built;

    private YamlToJson(IParser parser, string source, ReadBudget budget) => (this.parser, this.source, this.budget) = (parser, source, budget);

    /// <summary>Reads the document the parser stands at, through its end.</summary>
    public static JsonNode? ReadDocument(IParser parser, string source, ReadBudget budget)
    {
        var reader = new YamlToJson(parser, source, budget);
        parser.Consume<DocumentStart>();
        var value = parser.Accept<DocumentEnd>(out _) ? null : reader.ReadNode(1);
        parser.Consume<DocumentEnd>();
        return value;
    }

    private JsonNode? ReadNode(int depth)
    {
        var start = parser.Current!.Start;
        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            if (!anchors.TryGetValue(alias.Value.Value, out var target))
            {
                throw new YamlException(alias.Start, alias.End, $"unknown anchor *{BoundedText.Quote(alias.Value.Value)}");
            }
            Take(target.Size, start);
            return target.Value?.DeepClone();
        }

        var anchor = parser.Current is NodeEvent node && !node.Anchor.IsEmpty ? node.Anchor.Value : null;
        var builtBefore = built;
        Take(1, start);
        JsonNode? value;
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            value = YamlScalars.Value(scalar);
        }
        else if (depth > ManifestLimits.MaxDepth)
        {
            throw new ManifestException($"{source}:{start.Line}:{start.Column}: not read: nested deeper than {ManifestLimits.MaxDepth} levels");
        }
        else if (parser.TryConsume<SequenceStart>(out _))
        {
            var array = new JsonArray();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                array.Add(ReadNode(depth + 1));
            }
            value = array;
        }
        else
        {
            value = ReadMapping(depth);
        }

        if (anchor is not null)
        {
            anchors[anchor] = (value, built - builtBefore);
        }
        return value;
    }

    private JsonObject ReadMapping(int depth)
    {
        parser.Consume<MappingStart>();
        var obj = new JsonObject();
        var merged = new List<JsonObject>();
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var keyEvent = parser.Current!;
            if (keyEvent is Scalar { Value: "<<", Style: ScalarStyle.Plain, Tag.IsEmpty: true })
            {
                parser.MoveNext();
                var source = ReadNode(depth + 1);
                foreach (var mapping in source is JsonArray sources ? [.. sources] : new[] { source })
                {
                    merged.Add(mapping as JsonObject ?? throw new YamlException(keyEvent.Start, keyEvent.End, "a merge key (<<) must name mappings"));
                }
                continue;
            }
            Take(1, keyEvent.Start);
            var key = parser.TryConsume<Scalar>(out var scalar)
                ? YamlScalars.Key(scalar)
                : throw new YamlException(keyEvent.Start, keyEvent.End, "keys must be scalars");
            if (obj.ContainsKey(key))
            {
                throw new YamlException(keyEvent.Start, keyEvent.End, $"duplicate key {YamlScalars.Quote(key)}");
            }
            obj[key] = ReadNode(depth + 1);
        }
        // The mapping's own keys override merged ones; earlier sources override later ones.
        foreach (var (key, mergedValue) in merged.SelectMany(mapping => mapping))
        {
            if (!obj.ContainsKey(key))
            {
                obj[key] = mergedValue?.DeepClone();
            }
        }
        return obj;
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
