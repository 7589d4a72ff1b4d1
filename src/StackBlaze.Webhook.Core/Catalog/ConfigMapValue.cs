using System.Text;
using StackBlaze.Webhook.Core.Policy;

namespace StackBlaze.Webhook.Core.Catalog;

/// <summary>
/// What the catalog keeps of one ConfigMap value: the addresses it mentions, as the scanner found
/// them, one per line. Scanning that text again finds the same addresses, so the policy and its
/// messages read it as they would the whole value.
/// </summary>
/// <param name="Addresses">The addresses kept, in the scanner's order, separated by line breaks.</param>
/// <param name="Count">How many addresses <paramref name="Addresses"/> holds (the last cut short when <paramref name="IsCut"/>).</param>
/// <param name="IsCut">Whether the value mentions more than was kept: the policy says so rather than pass it as clean.</param>
public sealed record ConfigMapValue(string Addresses, int Count, bool IsCut)
{
    /// <summary>What the value costs the namespace's budget, with its key.</summary>
    public static long BytesOf(string key, ConfigMapValue value) => (long)(key.Length + value.Addresses.Length) * sizeof(char);

    /// <summary>The addresses of a value, within <see cref="ConfigMapLimits"/>; null when it mentions none.</summary>
    public static ConfigMapValue? Of(string? value)
    {
        if (value is null || !AddressScanner.MayHoldAddress(value))
        {
            return null;
        }
        const int MaxLength = ConfigMapLimits.BytesPerValue / sizeof(char);
        var kept = new StringBuilder();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var count = 0;
        var cut = false;
        foreach (var mention in AddressScanner.Scan(value))
        {
            if (!seen.Add(mention.Text))
            {
                continue;
            }
            if (count == ConfigMapLimits.AddressesPerValue || kept.Length >= MaxLength)
            {
                // One more than is kept: the value holds more, and nothing further needs scanning.
                cut = true;
                break;
            }
            if (count++ > 0)
            {
                kept.Append('\n');
            }
            kept.Append(mention.Text);
        }
        if (kept.Length > MaxLength)
        {
            // Its head, where the scheme and host are, still names the host it calls.
            kept.Length = MaxLength;
            cut = true;
        }
        return kept.Length == 0 ? null : new ConfigMapValue(kept.ToString(), count, cut);
    }
}
