using System.Globalization;
using System.Text.Json;
using StackBlaze.Webhook.Core.Policy;

using StackBlaze.Webhook.Core.Admission;

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

    /// <summary>Writes the outcome's annotations as "auditAnnotations"; nothing when it did nothing worth auditing.</summary>
    public static void Write(Utf8JsonWriter writer, AdmissionOutcome outcome)
    {
        var findings = outcome.Findings is { Count: > 0 } found ? found : null;
        if (outcome.InjectedEnv.Count == 0 && outcome.Allowed && findings is null)
        {
            return;
        }
        writer.WriteStartObject("auditAnnotations");
        if (outcome.InjectedEnv.Count > 0)
        {
            writer.WritePropertyName(InjectedEnv);
            WriteJoined(writer, outcome.InjectedEnv);
        }
        if (!outcome.Allowed)
        {
            writer.WriteString(Denied, Bounded(outcome.Message ?? ""));
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

    private static string Bounded(string value)
    {
        if (value.Length <= MaxValueLength)
        {
            return value;
        }
        // Never end on half of a surrogate pair: the value must stay valid UTF-8.
        var cut = char.IsHighSurrogate(value[MaxValueLength - 2]) ? MaxValueLength - 2 : MaxValueLength - 1;
        return string.Concat(value.AsSpan(0, cut), "…");
    }
}
