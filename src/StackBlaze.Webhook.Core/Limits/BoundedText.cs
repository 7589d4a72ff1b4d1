using System.Text;

namespace StackBlaze.Webhook.Core.Limits;

/// <summary>Text made from a tenant's input that never grows with it: quotes, lists and messages cut with a count of what was left out.</summary>
public static class BoundedText
{
    private const string Ellipsis = "…";

    /// <summary>The text whole when it is short, else its start and an ellipsis; never half of a surrogate pair.</summary>
    public static string Truncate(string text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return text;
        }
        var cut = maxLength - Ellipsis.Length;
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }
        return string.Concat(text.AsSpan(0, Math.Max(cut, 0)), Ellipsis);
    }

    /// <summary>A tenant's text as a message quotes it.</summary>
    public static string Quote(string text) => Truncate(text, ReviewLimits.MaxQuotedLength);

    /// <summary>One warning about a tenant's object, whatever the names in it.</summary>
    public static string Warning(string text) => Truncate(text, ReviewLimits.MaxWarningLength);

    /// <summary>The first <paramref name="most"/> items joined, then "and N more" for the others.</summary>
    public static string Join(string separator, IReadOnlyCollection<string> items, int most) =>
        items.Count <= most ? string.Join(separator, items) : string.Join(separator, [.. items.Take(most), $"and {items.Count - most} more"]);

    /// <summary>The problems of one denial, the first few in full and the rest counted.</summary>
    public static string Problems(IReadOnlyCollection<string> problems) => Join("; ", problems, ReviewLimits.MaxProblemsListed);

    /// <summary>
    /// As many items as fit in <paramref name="maxLength"/>, each cut to a share of it, then how
    /// many were left out.
    /// </summary>
    public static string JoinWithin(string separator, IReadOnlyList<string> items, int maxLength)
    {
        const int leftOutRoom = 32;
        var text = new StringBuilder();
        var kept = 0;
        foreach (var item in items)
        {
            var cut = Truncate(item, ReviewLimits.MaxQuotedLength * 4);
            if (text.Length + separator.Length + cut.Length > maxLength - leftOutRoom)
            {
                break;
            }
            text.Append(kept++ == 0 ? "" : separator).Append(cut);
        }
        return kept == items.Count ? text.ToString() : text.Append(kept == 0 ? "" : separator).Append($"and {items.Count - kept} more").ToString();
    }
}
