using System.Collections.Frozen;
using StackBlaze.Webhook.Core.Catalog;

namespace StackBlaze.Webhook.Core.Resolution;

/// <summary>Which protocol, and so which URL scheme, a Service port speaks.</summary>
internal static class Protocols
{
    public const string Http = "http";

    // Application protocols by port name or name prefix, as Istio reads them, with the aliases real charts use.
    private static readonly FrozenDictionary<string, string> ByName = new Dictionary<string, string>
    {
        ["http"] = Http,
        ["http2"] = Http,
        ["h2c"] = Http,
        ["https"] = "https",
        ["grpc"] = "grpc",
        ["grpc-web"] = Http,
        ["postgres"] = "postgresql",
        ["postgresql"] = "postgresql",
        ["pg"] = "postgresql",
        ["mysql"] = "mysql",
        ["mariadb"] = "mysql",
        ["redis"] = "redis",
        ["mongo"] = "mongodb",
        ["mongodb"] = "mongodb",
        ["amqp"] = "amqp",
        ["rabbitmq"] = "amqp",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // How bytes travel, not what they mean: `tcp-postgresql` (Bitnami, KubeBlocks) is PostgreSQL over TCP.
    private static readonly FrozenSet<string> Transports = new[] { "tcp", "udp", "tls" }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenDictionary<int, string> ByWellKnownPort = new Dictionary<int, string>
    {
        [5432] = "postgresql",
        [3306] = "mysql",
        [6379] = "redis",
        [27017] = "mongodb",
        [5672] = "amqp",
    }.ToFrozenDictionary();

    /// <summary>
    /// The port's <c>appProtocol</c>; else its name (<c>grpc-api</c>, <c>redis</c>, <c>tcp-postgresql</c>);
    /// else the well-known port; else the transport a name or <c>appProtocol</c> gave (tcp, udp, tls); else http.
    /// A transport names no application protocol, so what follows it in the name, or the port number, decides.
    /// </summary>
    public static string SchemeOf(ServicePortEntry port)
    {
        string? transport = null;
        if (AppProtocolName(port.AppProtocol) is { } appProtocol)
        {
            if (Transports.Contains(appProtocol))
            {
                transport = appProtocol;
            }
            else if ((ByName.GetValueOrDefault(appProtocol) ?? (IsScheme(appProtocol) ? appProtocol : null)) is { } declared)
            {
                return declared;
            }
        }
        return FromPortName(port.Name, ref transport)
            ?? ByWellKnownPort.GetValueOrDefault(port.Port)
            ?? transport
            ?? Http;
    }

    // Domain-prefixed values ("kubernetes.io/h2c") name the protocol after the slash.
    private static string? AppProtocolName(string? appProtocol) =>
        appProtocol?[(appProtocol.LastIndexOf('/') + 1)..].ToLowerInvariant();

    /// <summary>The application protocol a port name gives; a transport it starts with goes to <paramref name="transport"/>, unless one is known.</summary>
    private static string? FromPortName(string? portName, ref string? transport)
    {
        if (portName is null)
        {
            return null;
        }
        var dash = portName.IndexOf('-', StringComparison.Ordinal);
        var first = dash > 0 ? portName[..dash] : portName;
        if (Transports.Contains(first))
        {
            transport ??= first;
            return dash > 0 ? FromApplicationName(portName[(dash + 1)..]) : null;
        }
        return FromApplicationName(portName);
    }

    /// <summary>The protocol of a whole name (<c>grpc-web</c>, <c>pg</c>), else of its prefix (<c>redis-cache</c>).</summary>
    private static string? FromApplicationName(string name)
    {
        if (ByName.TryGetValue(name, out var exact))
        {
            return exact;
        }
        var dash = name.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 ? ByName.GetValueOrDefault(name[..dash]) : null;
    }

    /// <summary>RFC 3986: a letter, then letters, digits, '+', '-' or '.'.</summary>
    private static bool IsScheme(string name) =>
        name.Length > 0
        && char.IsAsciiLetter(name[0])
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.');

    /// <summary>A Service Binding's <c>type</c>: the names Spring Cloud Bindings and kube-service-bindings look for, else the protocol.</summary>
    public static string BindingType(string scheme) => scheme == "amqp" ? "rabbitmq" : scheme;

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
