using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace StackBlaze.Webhook.Tests.Support.Fuzzing;

/// <summary>
/// Writes a JSON tree as text without the checks of <see cref="JsonNode.ToJsonString"/>: any depth,
/// and an object may be written with one of its members twice.
/// </summary>
internal static class HostileJsonWriter
{
    public static byte[] Write(JsonNode? node, JsonObject? duplicateIn)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true, MaxDepth = 100_000 }))
        {
            Write(writer, node, duplicateIn);
        }
        return buffer.ToArray();
    }

    private static void Write(Utf8JsonWriter writer, JsonNode? node, JsonObject? duplicateIn)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                var first = true;
                foreach (var (name, value) in obj)
                {
                    WriteMember(writer, name, value, duplicateIn);
                    if (first && ReferenceEquals(obj, duplicateIn))
                    {
                        WriteMember(writer, name, value, duplicateIn);
                    }
                    first = false;
                }
                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    Write(writer, item, duplicateIn);
                }
                writer.WriteEndArray();
                break;
            case JsonValue value when value.TryGetValue<string>(out var text):
                // Escaped by hand: lone surrogates, which UTF-8 cannot carry, reach the server as \udXXX.
                writer.WriteRawValue(Escape(text), skipInputValidation: true);
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }

    private static void WriteMember(Utf8JsonWriter writer, string name, JsonNode? value, JsonObject? duplicateIn)
    {
        // The writer refuses names that are not valid UTF-16; odd values are where lone surrogates go.
        writer.WritePropertyName(string.Create(name.Length, name, static (span, n) =>
        {
            for (var i = 0; i < n.Length; i++)
            {
                span[i] = char.IsSurrogate(n[i]) ? '\ufffd' : n[i];
            }
        }));
        Write(writer, value, duplicateIn);
    }

    /// <summary>A JSON string literal that escapes every non-ASCII char as \uXXXX, lone surrogates included.</summary>
    private static string Escape(string text)
    {
        var literal = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            if (c is '"' or '\\' || c < 0x20 || c > 0x7e)
            {
                literal.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                literal.Append(c);
            }
        }
        return literal.Append('"').ToString();
    }
}
