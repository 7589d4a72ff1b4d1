using StackBlaze.Webhook.Core.JsonWriting;

namespace StackBlaze.Webhook.Core.Patches;

/// <summary>Writes a patch as the JSON array the API server expects.</summary>
public static class JsonPatchWriter
{
    // Every admission request that patches writes one: the buffer is the thread's, reused.
    [ThreadStatic]
    private static ReusableJsonBuffer? t_buffer;

    public static byte[] ToUtf8Bytes(IReadOnlyList<JsonPatchOperation> operations) => Write(operations).ToArray();

    /// <summary>The patch, in a buffer of this thread's that the next call overwrites.</summary>
    public static ReadOnlySpan<byte> Write(IReadOnlyList<JsonPatchOperation> operations)
    {
        var buffer = ReusableJsonBuffer.Reuse(ref t_buffer);
        var writer = buffer.Start();
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
        return buffer.Written;
    }
}
