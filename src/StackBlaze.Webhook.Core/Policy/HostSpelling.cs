using System.Globalization;
using System.Text;

namespace StackBlaze.Webhook.Core.Policy;

/// <summary>
/// A host as clients resolve it (UTS 46, as WHATWG URL, Python, Go and curl with libidn2 map it): the
/// ideographic, fullwidth and halfwidth full stops are dots, fullwidth letters, digits and hyphens are
/// their ASCII selves, a soft hyphen is nothing, other non-ASCII names are Punycode.
/// </summary>
internal static class HostSpelling
{
    // The longest DNS name and its final dot: a longer one is no public host and is not worth encoding.
    private const int MaxNameLength = 254;

    private const char FullwidthFirst = '\uFF01';
    private const char FullwidthLast = '\uFF5E';
    private const char SoftHyphen = '\u00AD';

    // The globalization-invariant build's IdnMapping encodes Punycode and splits at the three wide dots, but maps no other character.
    private static readonly IdnMapping Idna = new() { UseStd3AsciiRules = false };

    /// <summary>The characters beyond ASCII that clients map into a host name: a bare host's run takes them in.</summary>
    public static readonly string WideHostChars =
        "\u3002\uFF0E\uFF61\u00AD\uFF0D" + Fullwidth('0', '9') + Fullwidth('A', 'Z') + Fullwidth('a', 'z');

    /// <summary>The dots clients split a host at: a value without one holds no public host.</summary>
    public const string Dots = ".\u3002\uFF0E\uFF61";

    /// <summary>The host, mapped, without the final dot of a fully qualified name (<c>api.example.com.</c>), lower case.</summary>
    public static string Canonical(ReadOnlySpan<char> host)
    {
        if (Ascii.IsValid(host))
        {
            return host.TrimEnd('.').ToString().ToLowerInvariant();
        }
        var mapped = Map(host).ToLowerInvariant();
        if (!Ascii.IsValid(mapped) && mapped.Length <= MaxNameLength)
        {
            try
            {
                mapped = Idna.GetAscii(mapped);
            }
            catch (ArgumentException)
            {
                // Not a valid IDN: no client reaches it, and it is compared as written.
            }
        }
        return mapped.TrimEnd('.');
    }

    /// <summary>The text with the wide dots, fullwidth ASCII and soft hyphens mapped as clients map them; other characters as they are.</summary>
    public static string Map(ReadOnlySpan<char> text)
    {
        var mapped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\u3002' or '\uFF0E' or '\uFF61')
            {
                mapped.Append('.');
            }
            else if (c is >= FullwidthFirst and <= FullwidthLast)
            {
                mapped.Append((char)(c - (FullwidthFirst - '!')));
            }
            else if (c != SoftHyphen)
            {
                mapped.Append(c);
            }
        }
        return mapped.ToString();
    }

    private static string Fullwidth(char first, char last) =>
        string.Concat(Enumerable.Range(first, last - first + 1).Select(c => (char)(c + (FullwidthFirst - '!'))));
}
