using System.Buffers;
using System.Text.Json;

namespace StackBlaze.Webhook.Patches;

/// <summary>Writes a patch as the JSON array the API server expects.</summary>
public static class JsonPatchWriter
{
    // One buffer and writer per thread, reused: every admission request writes a patch, and a
    // fresh stream that grows to size would cost several times the patch itself.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    public static byte[] ToUtf8Bytes(IReadOnlyList<JsonPatchOperation> operations)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer);
        writer.Reset(buffer);

        writer.WriteStartArray();
        foreach (var operation in operations)
        {
            writer.WriteStartObject();
            writer.WriteString("op", operation.Op);
            writer.WriteString("path", operation.Path);
            writer.WritePropertyName("value");
            operation.WriteValueTo(writer);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }
}
