using System.Buffers;
using System.Text.Json;
using StackBlaze.Webhook.Core.Patches;

namespace StackBlaze.Webhook.Admission;

/// <summary>Writes the AdmissionReview (admission.k8s.io/v1) that answers a request.</summary>
internal static class AdmissionReviewWriter
{
    public const string JsonPatch = "JSONPatch";

    public static void Write(IBufferWriter<byte> output, string uid, AdmissionAnswer answer)
    {
        // The answer holds the patch in base64: it is written first, into a buffer of its own.
        using var patch = answer.Patch.Count > 0 ? new PooledBuffer() : null;
        var writer = AnswerWriters.Rent(patch ?? output);
        try
        {
            if (patch is not null)
            {
                JsonPatchWriter.Write(answer.Patch, writer);
                writer.Flush();
                writer.Reset(output);
            }
            WriteReview(writer, uid, answer, patch);
            writer.Flush();
        }
        finally
        {
            AnswerWriters.Return(writer);
        }
    }

    private static void WriteReview(Utf8JsonWriter writer, string uid, AdmissionAnswer answer, PooledBuffer? patch)
    {
        writer.WriteStartObject();
        writer.WriteString("apiVersion", AdmissionReviewReader.V1);
        writer.WriteString("kind", AdmissionReviewReader.ReviewKind);
        writer.WriteStartObject("response");
        writer.WriteString("uid", uid);
        writer.WriteBoolean("allowed", answer.Allowed);
        if (answer.Code is { } code)
        {
            writer.WriteStartObject("status");
            writer.WriteNumber("code", code);
            writer.WriteString("message", answer.Message ?? "");
            writer.WriteEndObject();
        }
        if (patch is not null)
        {
            writer.WriteBase64String("patch", patch.Written.Span);
            writer.WriteString("patchType", JsonPatch);
        }
        if (answer.Warnings.Count > 0)
        {
            writer.WriteStartArray("warnings");
            foreach (var warning in answer.Warnings)
            {
                writer.WriteStringValue(warning);
            }
            writer.WriteEndArray();
        }
        AuditAnnotations.Write(writer, answer);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
