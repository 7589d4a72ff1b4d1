using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace StackBlaze.Webhook.Core.Policy;

/// <summary>
/// Finds the URLs, gRPC <c>dns:</c> and <c>passthrough:</c> targets and bare hosts (with a port, a path) in a configuration
/// value, in time and memory linear in the value and holding one match at a time: a tenant's value
/// can be a megabyte of addresses.
/// </summary>
internal static partial class AddressScanner
{
    /// <summary>
    /// The longest host and port a bare address can have: a DNS name (253), a port (":65535") and a
    /// full stop after it. Longer ones are passed over unmatched, so a match never backtracks far.
    /// </summary>
    private const int MaxHostRunLength = 253 + 6 + 1;

    // gRPC names whose endpoint is the host: dns: resolves it, passthrough: (grpc-go's default) dials it as written.
    private static readonly string[] GrpcSchemes = ["dns:", "passthrough:"];

    // What a bare host may not touch: it stands alone, not in a word, a path, an e-mail address or a URL's authority.
    private static readonly SearchValues<char> HostRunChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-_/:@" + HostSpelling.WideHostChars);

    private static readonly SearchValues<char> Dots = SearchValues.Create(HostSpelling.Dots);

    /// <summary>Every public host has a dot (or a wide one clients read as a dot); most values (ports, flags, words) have none and need no scan.</summary>
    public static bool MayHoldAddress(string value) => value.AsSpan().IndexOfAny(Dots) >= 0;

    /// <summary>
    /// The same test on a JSON string in the request's bytes, so a value without a dot is never made
    /// a string. Escapes are read as they are written: an escaped dot (\u002e or \u3002) is one too.
    /// The wide dots are looked for only in a value that is not all ASCII.
    /// </summary>
    public static bool MayHoldAddress(JsonElement value)
    {
        var raw = JsonMarshal.GetRawUtf8Value(value);
        return raw.IndexOfAny((byte)'.', (byte)'\\') >= 0
            || (!Ascii.IsValid(raw) && (raw.IndexOf("\u3002"u8) >= 0 || raw.IndexOf("\uFF0E"u8) >= 0 || raw.IndexOf("\uFF61"u8) >= 0));
    }

    public static IEnumerable<AddressMention> Scan(string value)
    {
        if (!MayHoldAddress(value))
        {
            yield break;
        }
        for (var match = UrlPattern().Match(value); match.Success; match = match.NextMatch())
        {
            if (ParseUrl(match) is { } url)
            {
                yield return url;
            }
        }

        // A value may also name a host alone (API_HOST=api.example.com, --upstream=api.example.com:443/v1,
        // dns:api.example.com:443): a whole run of the characters a host may not touch, less a full stop
        // that ends a sentence. Runs and URLs both come in the value's order, so one pass over each tells
        // which runs stand inside a URL.
        var enclosing = NextWithHost(UrlPattern().Match(value));
        var end = 0;
        while (NextRun(value, ref end) is var (start, length) && length > 0)
        {
            while (enclosing.Success && enclosing.Index + enclosing.Length <= start)
            {
                enclosing = NextWithHost(enclosing.NextMatch());
            }
            // A dotted word in a URL's query or fragment (?next=shop.example.com) is part of that URL, not a host it calls.
            if (enclosing.Success && start >= enclosing.Index)
            {
                continue;
            }
            var run = value.AsSpan(start, length);
            if (ParseBare(run[^1] == '.' ? run[..^1] : run) is { } mention)
            {
                yield return mention;
            }
        }
    }

    /// <summary>
    /// A run read as <c>host[:port][/path]</c> or <c>dns:host[:port]</c> (or <c>passthrough:</c>), or null.
    /// Only the host and port go through the pattern, at most <see cref="MaxHostRunLength"/> of them, so a
    /// long run costs one look for its first slash.
    /// </summary>
    private static AddressMention? ParseBare(ReadOnlySpan<char> run)
    {
        var grpcScheme = GrpcSchemeLength(run);
        var isDnsTarget = grpcScheme > 0;
        var target = run[grpcScheme..];
        var slash = target.IndexOf('/');
        var written = slash < 0 ? target : target[..slash];
        var path = slash < 0 ? [] : target[slash..];
        // Mapped before it is measured: a soft hyphen is nothing to a client, so it may not lengthen a host past the bound.
        var hostPort = Ascii.IsValid(written) ? written : HostSpelling.Map(written).AsSpan();
        // A tag or a digest after the path makes an image name (registry.example.com/app:1.2), not an address.
        if ((slash >= 0 && (isDnsTarget || path.IndexOfAny(':', '@') >= 0))
            || hostPort.Length > MaxHostRunLength
            || !BareHostPattern().IsMatch(hostPort))
        {
            return null;
        }
        var colon = hostPort.IndexOf(':');
        var host = HostSpelling.Canonical(colon < 0 ? hostPort : hostPort[..colon]);
        return isDnsTarget
            ? new AddressMention(run.ToString(), host, colon >= 0, "", true, IsDnsTarget: true)
            : new AddressMention(run.ToString(), host, colon >= 0, path.ToString(), false);
    }

    /// <summary>The next maximal run of <see cref="HostRunChars"/> at or after <paramref name="end"/>, moving it past the run.</summary>
    private static (int Start, int Length) NextRun(string value, ref int end)
    {
        var offset = value.AsSpan(end).IndexOfAny(HostRunChars);
        if (offset < 0)
        {
            end = value.Length;
            return (end, 0);
        }
        var start = end + offset;
        var length = value.AsSpan(start).IndexOfAnyExcept(HostRunChars);
        end = length < 0 ? value.Length : start + length;
        return (start, end - start);
    }

    private static int GrpcSchemeLength(ReadOnlySpan<char> text)
    {
        foreach (var scheme in GrpcSchemes)
        {
            if (text.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            {
                return scheme.Length;
            }
        }
        return 0;
    }

    /// <summary>The match, or the first after it, whose URL names a host: one that names none calls nothing through it, so it hides no host run.</summary>
    private static Match NextWithHost(Match match)
    {
        while (match.Success && ParseUrl(match) is null)
        {
            match = match.NextMatch();
        }
        return match;
    }

    // Prose punctuation after a URL ("see https://api.example.com.") is not part of it.
    private static AddressMention? ParseUrl(Match match) => ParseUrl(match.Value.TrimEnd('.', ',', ';', ':', '!', '?'));

    private static AddressMention? ParseUrl(string text)
    {
        var schemeEnd = text.IndexOf(':');
        // WHATWG URL (Node's fetch) reads any run of slashes and backslashes after a special scheme as the authority's start: https:api, https:/api, https:///api.
        var authorityStart = SpecialSchemePattern().IsMatch(text.AsSpan(0, schemeEnd))
            ? schemeEnd + 1 + Math.Max(0, text.AsSpan(schemeEnd + 1).IndexOfAnyExcept('/', '\\'))
            : schemeEnd + 3;
        var authorityEnd = text.IndexOfAny(['/', '?', '#'], authorityStart);
        if (authorityEnd < 0)
        {
            authorityEnd = text.Length;
        }
        if (GrpcSchemeLength(text) == schemeEnd + 1)
        {
            // dns://resolver/host:port: the resolver is asked, the endpoint is called; passthrough:///host:port has no resolver.
            return authorityEnd < text.Length && text[authorityEnd] == '/'
                && ParseBare(text.AsSpan(authorityEnd + 1)) is { IsUrl: false, Rest: "" } endpoint
                ? endpoint with { Text = text, IsUrl = true, IsDnsTarget = true }
                : null;
        }
        var authority = text[authorityStart..authorityEnd];
        authority = authority[(authority.LastIndexOf('@') + 1)..];
        var colon = authority.LastIndexOf(':');
        var host = HostSpelling.Canonical(colon < 0 ? authority : authority[..colon]);
        return host.Length == 0 ? null : new AddressMention(text, host, colon >= 0, text[authorityEnd..], true);
    }

    // A scheme and "://", or a special scheme (http, https, ws, wss) and any slashes, then the rest up to a space or a delimiter.
    [GeneratedRegex(@"(?<![A-Za-z0-9+.\-])(?:(?i:https?|wss?):[/\\]*|[A-Za-z][A-Za-z0-9+.\-]*://)[^\s""'<>,;()\[\]{}|\\^`]+")]
    private static partial Regex UrlPattern();

    [GeneratedRegex(@"^(?i:https?|wss?)$")]
    private static partial Regex SpecialSchemePattern();

    // Dotted labels, the last starting with a letter, the final dot of a fully qualified name, and a port: the whole of a host and port.
    [GeneratedRegex(@"^(?:[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?\.)+[A-Za-z](?:[A-Za-z0-9\-]*[A-Za-z0-9])?\.?(?::[0-9]{1,5})?$")]
    private static partial Regex BareHostPattern();
}
