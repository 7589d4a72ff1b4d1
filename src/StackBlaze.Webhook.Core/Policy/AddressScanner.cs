using System.Text.RegularExpressions;

namespace StackBlaze.Webhook.Policy;

/// <summary>Finds the URLs and bare host names in a configuration value.</summary>
public static partial class AddressScanner
{
    /// <summary>Every public host has a dot; most values (ports, flags, words) have none and need no scan.</summary>
    public static bool MayHoldAddress(string value) => value.Contains('.', StringComparison.Ordinal);

    public static IEnumerable<AddressMention> Scan(string value)
    {
        if (!MayHoldAddress(value))
        {
            yield break;
        }
        var urls = UrlPattern().Matches(value);
        foreach (Match match in urls)
        {
            // Prose punctuation after a URL ("see https://api.example.com.") is not part of it.
            if (ParseUrl(match.Value.TrimEnd('.', ',', ';', ':', '!', '?')) is { } url)
            {
                yield return url;
            }
        }
        // A value may also name a host alone (API_HOST=api.example.com, --upstream=api.example.com:443).
        // Both lists come in the value's order, so one pass over each tells which hosts stand inside a URL.
        var nextUrl = 0;
        foreach (Match match in BareHostPattern().Matches(value))
        {
            while (nextUrl < urls.Count && urls[nextUrl].Index + urls[nextUrl].Length <= match.Index)
            {
                nextUrl++;
            }
            // A dotted word in a URL's query or fragment (?next=shop.example.com) is part of that URL, not a host it calls.
            if (nextUrl < urls.Count && match.Index >= urls[nextUrl].Index)
            {
                continue;
            }
            var colon = match.Value.IndexOf(':', StringComparison.Ordinal);
            yield return new AddressMention(match.Value, (colon < 0 ? match.Value : match.Value[..colon]).ToLowerInvariant(), colon >= 0, "", false);
        }
    }

    private static AddressMention? ParseUrl(string text)
    {
        var authorityStart = text.IndexOf("://", StringComparison.Ordinal) + 3;
        var authorityEnd = text.IndexOfAny(['/', '?', '#'], authorityStart);
        if (authorityEnd < 0)
        {
            authorityEnd = text.Length;
        }
        var authority = text[authorityStart..authorityEnd];
        authority = authority[(authority.LastIndexOf('@') + 1)..];
        var colon = authority.LastIndexOf(':');
        var host = colon < 0 ? authority : authority[..colon];
        return host.Length == 0 ? null : new AddressMention(text, host.ToLowerInvariant(), colon >= 0, text[authorityEnd..], true);
    }

    [GeneratedRegex(@"(?<![A-Za-z0-9+.\-])[A-Za-z][A-Za-z0-9+.\-]*://[^\s""'<>,;()\[\]{}|\\^`]+")]
    private static partial Regex UrlPattern();

    // Dotted names standing alone: not part of a URL, a path, an e-mail address or a longer word.
    [GeneratedRegex(@"(?<![A-Za-z0-9.\-_/:@])(?:[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?\.)+[A-Za-z](?:[A-Za-z0-9\-]*[A-Za-z0-9])?(?::[0-9]{1,5})?(?!\.?[A-Za-z0-9\-_/:@])")]
    private static partial Regex BareHostPattern();
}
