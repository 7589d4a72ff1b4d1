using System.Buffers;
using System.Text.Json;
using StackBlaze.Webhook.Core.JsonWriting;
using StackBlaze.Webhook.Core.Patches;

using StackBlaze.Webhook.Core.Admission;

namespace StackBlaze.Webhook.Admission;

/// <summary>Writes the AdmissionReview (admission.k8s.io/v1) that answers a request with an outcome.</summary>
internal static class AdmissionReviewWriter
{
    public const string JsonPatch = "JSONPatch";

    /// <summary>Writes the answer to <paramref name="output"/>, whose lifetime is the caller's.</summary>
    public static void Write(string uid, AdmissionOutcome outcome, IBufferWriter<byte> output)
    {
        // The patch first, as the answer holds it in base64; then the same writer writes the answer.
        using var patch = new RentedBuffer();
        using var writer = new Utf8JsonWriter(patch);
        if (outcome.Patch.Count > 0)
        {
            JsonPatchWriter.Write(outcome.Patch, writer);
            writer.Flush();
        }
        writer.Reset(output);
        writer.WriteStartObject();
        writer.WriteString("apiVersion", AdmissionReviewReader.V1);
        writer.WriteString("kind", AdmissionReviewReader.ReviewKind);
        writer.WriteStartObject("response");
        writer.WriteString("uid", uid);
        writer.WriteBoolean("allowed", outcome.Allowed);
        if (outcome.StatusCode is { } code)
        {
            writer.WriteStartObject("status");
            writer.WriteNumber("code", code);
            writer.WriteString("message", outcome.Message ?? "");
            writer.WriteEndObject();
        }
        if (outcome.Patch.Count > 0)
        {
            writer.WriteBase64String("patch", patch.WrittenSpan);
            writer.WriteString("patchType", JsonPatch);
        }
        if (outcome.Warnings.Count > 0)
        {
            writer.WriteStartArray("warnings");
            foreach (var warning in outcome.Warnings)
            {
                writer.WriteStringValue(warning);
            }
            writer.WriteEndArray();
        }
        AuditAnnotations.Write(writer, outcome);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
