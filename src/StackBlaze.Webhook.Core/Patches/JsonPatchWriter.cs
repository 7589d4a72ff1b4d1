using System.Buffers;
using System.Text.Json;

namespace StackBlaze.Webhook.Core.Patches;

/// <summary>Writes a patch as the JSON array the API server expects.</summary>
public static class JsonPatchWriter
{
    public static byte[] ToUtf8Bytes(IReadOnlyList<JsonPatchOperation> operations)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(operations, writer);
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes the patch with the caller's writer, which flushes it where it writes.</summary>
    public static void Write(IReadOnlyList<JsonPatchOperation> operations, Utf8JsonWriter writer)
    {
        writer.WriteStartArray();
        foreach (var operation in operations)
        {
            writer.WriteStartObject();
            writer.WriteString("op", operation.Op);
            writer.WriteString("path", operation.Path);
            if (operation.HasValue)
            {
                writer.WritePropertyName("value");
                operation.WriteValueTo(writer);
            }
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }
}
