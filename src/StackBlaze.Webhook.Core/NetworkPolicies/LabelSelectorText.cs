using System.Text.RegularExpressions;
using k8s.Models;
using StackBlaze.Webhook.Core.Limits;
using StackBlaze.Webhook.Core.Objects;

namespace StackBlaze.Webhook.Core.NetworkPolicies;

/// <summary>
/// A namespace selector given on the command line: <c>key=value</c> pairs, comma-separated, all to
/// hold, as <c>kubectl -l</c> writes equality. Set-based terms are not taken: the selectors name a
/// namespace or two, and matchLabels is what the policy then shows.
/// </summary>
public static partial class LabelSelectorText
{
    /// <summary>The selector, or null with <paramref name="error"/> saying in one line what is wrong.</summary>
    public static V1LabelSelector? Parse(string text, out string? error)
    {
        if (text.Trim().Length == 0)
        {
            error = "an empty selector would admit every namespace: give key=value";
            return null;
        }
        error = null;
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var term in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var equals = term.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? term : term[..equals].TrimEnd();
            var value = equals < 0 ? null : term[(equals + (term.AsSpan(equals).StartsWith("==") ? 2 : 1))..].TrimStart();
            error = value is null ? $"\"{BoundedText.Quote(term)}\" is not key=value"
                : !IsQualifiedName(key) ? $"\"{BoundedText.Quote(key)}\" is not a label key"
                : !IsLabelValue(value) ? $"\"{BoundedText.Quote(value)}\" is not a label value"
                : labels.TryGetValue(key, out var other) && other != value ? $"\"{BoundedText.Quote(key)}\" is given two values"
                : null;
            if (error is not null)
            {
                return null;
            }
            labels[key] = value!;
        }
        return new V1LabelSelector { MatchLabels = labels };
    }

    private static bool IsQualifiedName(string key)
    {
        var slash = key.LastIndexOf('/');
        var name = key[(slash + 1)..];
        return (slash < 0 || KubernetesNames.IsDnsSubdomain(key[..slash])) && name.Length is > 0 and <= 63 && NamePattern().IsMatch(name);
    }

    private static bool IsLabelValue(string value) => value.Length == 0 || (value.Length <= 63 && NamePattern().IsMatch(value));

    [GeneratedRegex("^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
