using System.Buffers;

namespace StackBlaze.Webhook.Links;

/// <summary>The names StackBlaze gives variables: what is valid, and how defaults are made.</summary>
public static class EnvNames
{
    public const string Rule = "[A-Z_][A-Z0-9_]*";

    private const string UrlSuffix = "_URL";

    private static readonly SearchValues<char> NameChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");

    public static bool IsValid(string name) =>
        name.Length > 0 && !char.IsAsciiDigit(name[0]) && !name.AsSpan().ContainsAnyExcept(NameChars);

    /// <summary><c>&lt;SERVICE&gt;_URL</c>: upper case, with <c>-</c> and <c>.</c> as <c>_</c>.</summary>
    public static string ForService(string service) =>
        string.Create(service.Length + UrlSuffix.Length, service, static (span, name) =>
        {
            for (var i = 0; i < name.Length; i++)
            {
                span[i] = name[i] is '-' or '.' ? '_' : char.ToUpperInvariant(name[i]);
            }
            UrlSuffix.CopyTo(span[name.Length..]);
        });

    /// <summary>The stem credentials are named after: <c>DATABASE_URL</c> gives <c>DATABASE</c>.</summary>
    public static string CredentialBase(string envName) =>
        envName.EndsWith(UrlSuffix, StringComparison.Ordinal) && envName.Length > UrlSuffix.Length
            ? envName[..^UrlSuffix.Length]
            : envName;
}
