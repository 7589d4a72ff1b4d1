using System.Globalization;

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

    /// <summary>The annotations of an outcome, or null when it did nothing worth auditing.</summary>
    public static IReadOnlyDictionary<string, string>? From(AdmissionOutcome outcome)
    {
        var annotations = new Dictionary<string, string>(StringComparer.Ordinal);
        if (outcome.InjectedEnv.Count > 0)
        {
            annotations[InjectedEnv] = Bounded(string.Join(',', outcome.InjectedEnv));
        }
        if (!outcome.Allowed)
        {
            annotations[Denied] = Bounded(outcome.Message ?? "");
        }
        if (outcome.Findings is { Count: > 0 } findings)
        {
            annotations[PublicUrlFindings] = findings.Count.ToString(CultureInfo.InvariantCulture);
            annotations[PublicUrlPolicy] = findings.Mode.ToString().ToLowerInvariant();
        }
        return annotations.Count > 0 ? annotations : null;
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
