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
        // The patch first, as the answer holds it in base64; then the same writer writes the answer.
        using var patch = new PooledBuffer();
        using var writer = new Utf8JsonWriter(patch);
        if (answer.Patch.Count > 0)
        {
            JsonPatchWriter.Write(answer.Patch, writer);
            writer.Flush();
        }
        writer.Reset(output);
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
        if (answer.Patch.Count > 0)
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
