using System.Text.Json;

namespace StackBlaze.Webhook.Patches;

/// <summary>Writes a patch as the JSON array the API server expects.</summary>
public static class JsonPatchWriter
{
    public static byte[] ToUtf8Bytes(IReadOnlyList<JsonPatchOperation> operations)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var operation in operations)
            {
                writer.WriteStartObject();
                writer.WriteString("op", operation.Op);
                writer.WriteString("path", operation.Path);
                writer.WritePropertyName("value");
                operation.Value.WriteTo(writer);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        return buffer.ToArray();
    }
}
