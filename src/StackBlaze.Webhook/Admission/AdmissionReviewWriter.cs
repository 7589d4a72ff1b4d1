using StackBlaze.Webhook.Core.JsonWriting;
using StackBlaze.Webhook.Core.Patches;

using StackBlaze.Webhook.Core.Admission;

namespace StackBlaze.Webhook.Admission;

/// <summary>Writes the AdmissionReview (admission.k8s.io/v1) that answers a request with an outcome.</summary>
internal static class AdmissionReviewWriter
{
    public const string JsonPatch = "JSONPatch";

    [ThreadStatic]
    private static ReusableJsonBuffer? t_buffer;

    /// <summary>The answer, in a buffer of this thread's that the next call overwrites.</summary>
    public static ReadOnlySpan<byte> Write(string uid, AdmissionOutcome outcome)
    {
        var buffer = ReusableJsonBuffer.Reuse(ref t_buffer);
        var writer = buffer.Start();
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
            writer.WriteBase64String("patch", JsonPatchWriter.Write(outcome.Patch));
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
        return buffer.Written;
    }
}
