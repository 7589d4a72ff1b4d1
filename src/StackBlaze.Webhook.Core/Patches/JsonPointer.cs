namespace StackBlaze.Webhook.Core.Patches;

/// <summary>RFC 6901 JSON Pointers, built from unescaped segments.</summary>
internal static class JsonPointer
{
    /// <summary>Escapes one reference token: <c>~</c> as <c>~0</c> first, then <c>/</c> as <c>~1</c>.</summary>
    public static string Escape(string segment) =>
        (segment.Contains('~', StringComparison.Ordinal) ? segment.Replace("~", "~0", StringComparison.Ordinal) : segment)
            .Replace("/", "~1", StringComparison.Ordinal);

    /// <summary>Reverses <see cref="Escape"/>: <c>~1</c> as <c>/</c> first, then <c>~0</c> as <c>~</c>.</summary>
    public static string Unescape(string token) =>
        token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);

    public static string Append(string basePath, string segment) => $"{basePath}/{Escape(segment)}";

    public static string Append(string basePath, int index) => $"{basePath}/{index}";
}
