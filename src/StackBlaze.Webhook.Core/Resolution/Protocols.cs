using System.Collections.Frozen;
using StackBlaze.Webhook.Core.Catalog;

namespace StackBlaze.Webhook.Core.Resolution;

/// <summary>Which protocol, and so which URL scheme, a Service port speaks.</summary>
internal static class Protocols
{
    public const string Http = "http";

    // Port-name prefixes, as Istio reads them, plus the database names we give defaults to.
    private static readonly FrozenDictionary<string, string> ByName = new Dictionary<string, string>
    {
        ["http"] = Http,
        ["http2"] = Http,
        ["h2c"] = Http,
        ["https"] = "https",
        ["grpc"] = "grpc",
        ["grpc-web"] = Http,
        ["tcp"] = "tcp",
        ["tls"] = "tls",
        ["udp"] = "udp",
        ["postgres"] = "postgresql",
        ["postgresql"] = "postgresql",
        ["mysql"] = "mysql",
        ["redis"] = "redis",
        ["mongo"] = "mongodb",
        ["mongodb"] = "mongodb",
        ["amqp"] = "amqp",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<int, string> ByWellKnownPort = new Dictionary<int, string>
    {
        [5432] = "postgresql",
        [3306] = "mysql",
        [6379] = "redis",
        [27017] = "mongodb",
        [5672] = "amqp",
    }.ToFrozenDictionary();

    /// <summary>
    /// The port's <c>appProtocol</c>; else its name's prefix (<c>grpc-api</c>, <c>redis</c>);
    /// else the well-known port; else http.
    /// </summary>
    public static string SchemeOf(ServicePortEntry port) =>
        FromAppProtocol(port.AppProtocol)
        ?? FromPortName(port.Name)
        ?? ByWellKnownPort.GetValueOrDefault(port.Port)
        ?? Http;

    private static string? FromAppProtocol(string? appProtocol)
    {
        if (appProtocol is null)
        {
            return null;
        }
        // Domain-prefixed values ("kubernetes.io/h2c") name the protocol after the slash.
        var name = appProtocol[(appProtocol.LastIndexOf('/') + 1)..].ToLowerInvariant();
        return ByName.GetValueOrDefault(name) ?? (IsScheme(name) ? name : null);
    }

    private static string? FromPortName(string? portName)
    {
        if (portName is null)
        {
            return null;
        }
        if (ByName.TryGetValue(portName, out var exact))
        {
            return exact;
        }
        var dash = portName.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 ? ByName.GetValueOrDefault(portName[..dash]) : null;
    }

    /// <summary>RFC 3986: a letter, then letters, digits, '+', '-' or '.'.</summary>
    private static bool IsScheme(string name) =>
        name.Length > 0
        && char.IsAsciiLetter(name[0])
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.');

    /// <summary>The variable a protocol's links inject by default, if it has one.</summary>
    public static string? DefaultEnvName(string scheme) => scheme switch
    {
        "postgresql" or "mysql" => "DATABASE_URL",
        "redis" => "REDIS_URL",
        "mongodb" => "MONGODB_URL",
        "amqp" => "AMQP_URL",
        _ => null,
    };
}
