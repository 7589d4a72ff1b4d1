using System.Buffers;

namespace StackBlaze.Webhook.Core.Links;

/// <summary>The names StackBlaze gives variables: what is valid, and how defaults are made.</summary>
internal static class EnvNames
{
    public const string Rule = "[A-Z_][A-Z0-9_]*";

    private const string UrlSuffix = "_URL";

    private static readonly SearchValues<char> NameChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");

    public static bool IsValid(string name) =>
        name.Length > 0 && !char.IsAsciiDigit(name[0]) && !name.AsSpan().ContainsAnyExcept(NameChars);

    /// <summary>The names a link may not set, for messages.</summary>
    public const string ReservedRule = "PATH, HOME, HOSTNAME, PWD, SHELL, USER, TMPDIR, SERVICE_BINDING_ROOT, LD_*, KUBERNETES_*";

    // What the process, its loader or Kubernetes itself reads: a link setting one would change what runs, not what it calls.
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "PATH", "HOME", "HOSTNAME", "PWD", "SHELL", "USER", "TMPDIR", "SERVICE_BINDING_ROOT",
    };

    private static readonly string[] ReservedPrefixes = ["LD_", "KUBERNETES_"];

    /// <summary>Whether a link may not set the name: see <see cref="ReservedRule"/>.</summary>
    public static bool IsReserved(string name) =>
        Reserved.Contains(name) || Array.Exists(ReservedPrefixes, prefix => name.StartsWith(prefix, StringComparison.Ordinal));

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
