using System.Globalization;
using System.Text;
using System.Xml;

namespace StackBlaze.Webhook.CommandLine.Reports;

/// <summary>
/// Text XML 1.0 can hold: a name may carry any character YAML's escapes make (<c>"\x07"</c>), and
/// most control characters and lone surrogates have no XML form, not even as references. Each such
/// character becomes <c>\uXXXX</c>, which a reader can still tell apart.
/// </summary>
internal static class XmlSafeText
{
    public static string Of(string text)
    {
        StringBuilder? safe = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (XmlConvert.IsXmlChar(c))
            {
                safe?.Append(c);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c))
            {
                safe?.Append(c).Append(text[i + 1]);
                i++;
            }
            else
            {
                safe ??= new StringBuilder(text, 0, i, text.Length + 8);
                safe.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
        }
        return safe?.ToString() ?? text;
    }
}
