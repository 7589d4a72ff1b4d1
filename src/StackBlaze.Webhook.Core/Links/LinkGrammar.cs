using StackBlaze.Webhook.Core.Limits;

namespace StackBlaze.Webhook.Core.Links;

/// <summary>
/// Reads the <c>stackblaze.io/links</c> annotation: entries separated by commas, each
/// <c>[ENV_NAME=]service[:port]</c>, white space around the parts ignored. <c>PG*</c> in place of a
/// name asks for libpq's variables: <c>*</c> is in no variable name, so no entry meant anything else before.
/// </summary>
internal static class LinkGrammar
{
    public const string ExpectedForm = "[ENV_NAME=]service[:port]";

    private const string InternalSuffix = ".internal";

    public static LinkParseResult Parse(string? annotation)
    {
        var entries = new List<LinkEntry>();
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(annotation))
        {
            return new LinkParseResult(entries, errors);
        }
        if (OverLimit(annotation) is { } limit)
        {
            errors.Add(limit);
            return new LinkParseResult(entries, errors);
        }

        // Empty entries ("a, b,") are tolerated: a trailing comma is an easy edit to leave behind.
        foreach (var raw in annotation.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var error = TryParseEntry(raw, out var entry);
            if (error is null)
            {
                entries.Add(entry!);
            }
            else
            {
                errors.Add(error);
            }
        }
        return new LinkParseResult(entries, errors);
    }

    /// <summary>Why the annotation is refused unread, or null: checked before any entry is.</summary>
    private static string? OverLimit(string annotation)
    {
        if (annotation.Length > ReviewLimits.MaxLinksAnnotationLength)
        {
            return $"the annotation is {annotation.Length} characters long; at most {ReviewLimits.MaxLinksAnnotationLength} are allowed";
        }
        var count = 0;
        foreach (var range in annotation.AsSpan().Split(','))
        {
            if (!annotation.AsSpan(range).IsWhiteSpace())
            {
                count++;
            }
        }
        return count > ReviewLimits.MaxLinkEntries
            ? $"the annotation has {count} links; at most {ReviewLimits.MaxLinkEntries} are allowed"
            : null;
    }

    private static string? TryParseEntry(string text, out LinkEntry? entry)
    {
        entry = null;
        string? envName = null;
        var rest = text;

        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals >= 0)
        {
            envName = text[..equals].Trim();
            rest = text[(equals + 1)..].Trim();
            if (!EnvNames.IsValid(envName) && envName != AddressForms.LibpqSetName)
            {
                return Invalid(text, $"the variable name must match {EnvNames.Rule}, or be {AddressForms.LibpqSetName} for libpq's variables");
            }
            if (EnvNames.IsReserved(envName))
            {
                return Invalid(text, $"{envName} is reserved ({EnvNames.ReservedRule}); choose another name");
            }
        }

        string? port = null;
        var service = rest;
        var colon = rest.LastIndexOf(':');
        if (colon >= 0)
        {
            service = rest[..colon].Trim();
            port = rest[(colon + 1)..].Trim();
        }

        if (service.Length == 0)
        {
            return Invalid(text, "the service name is missing");
        }
        if (service.EndsWith(InternalSuffix, StringComparison.Ordinal) && IsServiceName(service[..^InternalSuffix.Length]))
        {
            return Invalid(text, $"write the service name without \"{InternalSuffix}\"");
        }
        if (service.Contains('/', StringComparison.Ordinal) || service.Contains('.', StringComparison.Ordinal))
        {
            return $"link \"{BoundedText.Quote(text)}\" names another namespace; projects are isolated, so link a service of this namespace as {ExpectedForm}";
        }
        if (!IsServiceName(service))
        {
            return Invalid(text, "the service name must be a DNS label (lower-case letters, digits and '-', starting with a letter)");
        }
        if (port is not null && !IsPort(port))
        {
            return Invalid(text, "the port must be a number from 1 to 65535 or a port name");
        }

        entry = new LinkEntry(text, envName, service, port);
        return null;
    }

    private static string Invalid(string text, string reason) =>
        $"link \"{BoundedText.Quote(text)}\" is not of the form {ExpectedForm}: {reason}";

    /// <summary>A DNS-1035 label, as Kubernetes requires of Service names.</summary>
    public static bool IsServiceName(string name) =>
        name.Length is > 0 and <= 63
        && char.IsAsciiLetterLower(name[0])
        && name[^1] != '-'
        && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    private static bool IsPort(string port) =>
        int.TryParse(port, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? number is >= 1 and <= 65535
            : IsPortName(port);

    /// <summary>An IANA service name, as Kubernetes requires of port names.</summary>
    private static bool IsPortName(string name) =>
        name.Length is > 0 and <= 15
        && name[0] != '-' && name[^1] != '-'
        && !name.Contains("--", StringComparison.Ordinal)
        && name.Any(char.IsAsciiLetterLower)
        && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}
