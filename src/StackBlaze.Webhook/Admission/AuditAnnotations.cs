using System.Globalization;
using System.Text.Json;
using StackBlaze.Webhook.Core.Limits;
using StackBlaze.Webhook.Core.Policy;

namespace StackBlaze.Webhook.Admission;

/// <summary>
/// What the API server writes to its audit log for a review: the names injected, why it was
/// denied, how many public-URL calls were found. Keys are short label names (the API server
/// prefixes them with the webhook's name); values are names, counts and messages, never an object.
/// </summary>
internal static class AuditAnnotations
{
    public const string InjectedEnv = "injected-env";
    public const string Denied = "denied";
    public const string PublicUrlFindings = "public-url-findings";
    public const string PublicUrlPolicy = "public-url-policy";

    /// <summary>
    /// Audit annotation values must stay under 10 KB; a char is at most 3 bytes of UTF-8 (a
    /// surrogate pair is 4 bytes for 2), so this many chars always fit.
    /// </summary>
    public const int MaxValueLength = 3000;

    /// <summary>Writes the answer's annotations as "auditAnnotations"; nothing when it did nothing worth auditing.</summary>
    public static void Write(Utf8JsonWriter writer, AdmissionAnswer answer)
    {
        var injected = answer.Verdict?.InjectedEnv ?? [];
        var findings = answer.Verdict?.Findings is { Count: > 0 } found ? found : null;
        if (injected.Count == 0 && answer.Allowed && findings is null)
        {
            return;
        }
        writer.WriteStartObject("auditAnnotations");
        if (injected.Count > 0)
        {
            writer.WritePropertyName(InjectedEnv);
            WriteJoined(writer, injected);
        }
        if (!answer.Allowed)
        {
            writer.WriteString(Denied, Bounded(answer.Message ?? ""));
        }
        if (findings is not null)
        {
            writer.WriteString(PublicUrlFindings, findings.Count.ToString(CultureInfo.InvariantCulture));
            writer.WriteString(PublicUrlPolicy, PolicyModes.Name(findings.Mode));
        }
        writer.WriteEndObject();
    }

    /// <summary>The names joined by commas, written piece by piece rather than joined into a string first when they fit.</summary>
    private static void WriteJoined(Utf8JsonWriter writer, IReadOnlyList<string> names)
    {
        var length = names.Count - 1;
        for (var i = 0; i < names.Count; i++)
        {
            length += names[i].Length;
        }
        if (length > MaxValueLength)
        {
            writer.WriteStringValue(Bounded(string.Join(',', names)));
            return;
        }
        for (var i = 0; i < names.Count; i++)
        {
            var last = i == names.Count - 1;
            writer.WriteStringValueSegment(names[i], isFinalSegment: false);
            writer.WriteStringValueSegment(last ? "" : ",", isFinalSegment: last);
        }
    }

    // Never half of a surrogate pair: the value must stay valid UTF-8.
    private static string Bounded(string value) => BoundedText.Truncate(value, MaxValueLength);
}
