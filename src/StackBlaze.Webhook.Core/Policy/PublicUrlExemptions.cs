namespace StackBlaze.Webhook.Core.Policy;

/// <summary>Variables that may hold public URLs because they are not calls from the pod.</summary>
internal static class PublicUrlExemptions
{
    /// <summary>Names that frameworks ship to the browser, which can only reach public URLs.</summary>
    private static readonly string[] BrowserPrefixes =
        ["NEXT_PUBLIC_", "VITE_", "REACT_APP_", "NUXT_PUBLIC_", "PUBLIC_", "GATSBY_", "EXPO_PUBLIC_"];

    /// <summary>Names that hold origins or redirect targets, which are compared or sent back, not called.</summary>
    private static readonly string[] NonCallWords = ["ORIGIN", "CORS", "REDIRECT", "CALLBACK"];

    // Most pods have no allow list: no set is built for them on every validation.
    private static readonly IReadOnlySet<string> NoneAllowed = System.Collections.Frozen.FrozenSet<string>.Empty;

    /// <param name="variableName">The variable, or null for command and args (never exempt).</param>
    /// <param name="allowed">The names the pod's <c>stackblaze.io/allow-public-urls</c> annotation lists.</param>
    public static bool IsExempt(string? variableName, IReadOnlySet<string> allowed)
    {
        if (variableName is null)
        {
            return false;
        }
        // Frameworks expose only the exact upper-case prefixes; the words are matched in any case (allowed_origins).
        foreach (var prefix in BrowserPrefixes)
        {
            if (variableName.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }
        foreach (var word in NonCallWords)
        {
            if (variableName.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return allowed.Contains(variableName);
    }

    /// <summary>The names of an <c>allow-public-urls</c> annotation.</summary>
    public static IReadOnlySet<string> ParseAllowed(string? annotation) =>
        annotation is null
            ? NoneAllowed
            : annotation.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
}
