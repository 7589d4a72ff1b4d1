using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace StackBlaze.Webhook.Manifests;

/// <summary>
/// Turns one YAML document into JSON as kubectl reads it: plain scalars are typed
/// (<c>replicas: 2</c> is a number, <c>"2"</c> a string, and, as in YAML 1.1, <c>yes</c> and
/// <c>off</c> are booleans), anchors and merge keys (<c>&lt;&lt;</c>) are resolved.
/// </summary>
internal static partial class YamlToJson
{
    /// <summary>Reads the document the parser stands at, through its end.</summary>
    public static JsonNode? ReadDocument(IParser parser)
    {
        var anchors = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        parser.Consume<DocumentStart>();
        var value = parser.Accept<DocumentEnd>(out _) ? null : ReadNode(parser, anchors);
        parser.Consume<DocumentEnd>();
        return value;
    }

    private static JsonNode? ReadNode(IParser parser, Dictionary<string, JsonNode?> anchors)
    {
        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            return anchors.TryGetValue(alias.Value.Value, out var target)
                ? target?.DeepClone()
                : throw new YamlException(alias.Start, alias.End, $"unknown anchor *{alias.Value}");
        }

        var anchor = parser.Current is NodeEvent node && !node.Anchor.IsEmpty ? node.Anchor.Value : null;
        JsonNode? value;
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            value = scalar.IsKey || scalar.Style != ScalarStyle.Plain ? JsonValue.Create(scalar.Value) : Resolve(scalar.Value);
        }
        else if (parser.TryConsume<SequenceStart>(out _))
        {
            var array = new JsonArray();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                array.Add(ReadNode(parser, anchors));
            }
            value = array;
        }
        else
        {
            parser.Consume<MappingStart>();
            var obj = new JsonObject();
            var merged = new List<JsonObject>();
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var keyEvent = parser.Current!;
                if (keyEvent is Scalar { Value: "<<", Style: ScalarStyle.Plain })
                {
                    parser.MoveNext();
                    var source = ReadNode(parser, anchors);
                    foreach (var mapping in source is JsonArray sources ? [.. sources] : new[] { source })
                    {
                        merged.Add(mapping as JsonObject ?? throw new YamlException(keyEvent.Start, keyEvent.End, "a merge key (<<) must name mappings"));
                    }
                    continue;
                }
                var key = ReadNode(parser, anchors) is JsonValue k ? k.ToString() : throw new YamlException(keyEvent.Start, keyEvent.End, "keys must be scalars");
                if (obj.ContainsKey(key))
                {
                    throw new YamlException(keyEvent.Start, keyEvent.End, $"duplicate key \"{key}\"");
                }
                obj[key] = ReadNode(parser, anchors);
            }
            // The mapping's own keys override merged ones; earlier sources override later ones.
            foreach (var (key, mergedValue) in merged.SelectMany(mapping => mapping))
            {
                if (!obj.ContainsKey(key))
                {
                    obj[key] = mergedValue?.DeepClone();
                }
            }
            value = obj;
        }

        if (anchor is not null)
        {
            anchors[anchor] = value;
        }
        return value;
    }

    private static JsonValue? Resolve(string text) => text switch
    {
        "" or "~" or "null" or "Null" or "NULL" => null,
        "true" or "True" or "TRUE" or "y" or "Y" or "yes" or "Yes" or "YES" or "on" or "On" or "ON" => JsonValue.Create(true),
        "false" or "False" or "FALSE" or "n" or "N" or "no" or "No" or "NO" or "off" or "Off" or "OFF" => JsonValue.Create(false),
        _ when IntPattern().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
        _ when FloatPattern().IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) => JsonValue.Create(real),
        _ => JsonValue.Create(text),
    };

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex IntPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}
