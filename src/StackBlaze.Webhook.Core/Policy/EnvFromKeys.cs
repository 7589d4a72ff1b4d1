using System.Buffers;
using System.Collections.Frozen;

namespace StackBlaze.Webhook.Core.Policy;

/// <summary>
/// Which ConfigMap keys the policy reads as variables. <c>envFrom</c> exports every key that is a
/// valid variable name to Kubernetes (letters, digits, <c>_</c>, <c>-</c> and <c>.</c>; a prefix
/// may make one that starts with a digit valid), and programs read such names: Spring binds <c>api.url</c>, Node reads
/// <c>process.env["api-url"]</c>. So all of those are variables, except a key named like a file
/// (<c>nginx.conf</c>, <c>app.properties</c>, <c>settings.json</c>): that is what a volume mounts,
/// and a file's content is not refused.
/// </summary>
internal static class EnvFromKeys
{
    private static readonly SearchValues<char> NameChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-.");

    // Endings of configuration, script, markup and certificate files, as ConfigMaps mount them.
    private static readonly FrozenSet<string> FileExtensions = new[]
    {
        "conf", "cnf", "cfg", "config", "ini", "properties", "props", "yaml", "yml", "json", "toml", "xml", "env", "txt",
        "sh", "bash", "py", "js", "mjs", "cjs", "ts", "lua", "rb", "pl", "php", "sql", "html", "htm", "css",
        "tpl", "tmpl", "j2", "jinja", "pem", "crt", "cer", "key", "csr", "md", "csv", "log", "rules", "policy",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static bool IsVariable(string key) =>
        key.Length > 0
        && !key.AsSpan().ContainsAnyExcept(NameChars)
        && !IsFileName(key);

    // Looked up as a span: every key of every ConfigMap a review reads comes through here.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Extensions = FileExtensions.GetAlternateLookup<ReadOnlySpan<char>>();

    private static bool IsFileName(string key) =>
        key.LastIndexOf('.') is var dot and >= 0 && Extensions.Contains(key.AsSpan(dot + 1));
}
