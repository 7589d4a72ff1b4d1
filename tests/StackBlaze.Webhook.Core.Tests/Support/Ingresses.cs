using k8s.Models;
using StackBlaze.Webhook.Core.Catalog;

namespace StackBlaze.Webhook.Tests.Support;

/// <summary>Ingresses as the API server holds them, read into catalog entries.</summary>
internal static class Ingresses
{
    public static V1IngressRule Rule(string? host, params V1HTTPIngressPath[] paths) =>
        new() { Host = host, Http = new V1HTTPIngressRuleValue { Paths = paths } };

    public static V1HTTPIngressPath Path(string path, string service, string port) =>
        new() { Path = path, PathType = "Prefix", Backend = Backend(service, port) };

    /// <summary>A backend whose port is a number when <paramref name="port"/> reads as one, else a name.</summary>
    public static V1IngressBackend Backend(string service, string? port)
    {
        var backendPort = port is null ? null
            : int.TryParse(port, out var number) ? new V1ServiceBackendPort { Number = number }
            : new V1ServiceBackendPort { Name = port };
        return new V1IngressBackend { Service = new V1IngressServiceBackend { Name = service, Port = backendPort } };
    }

    public static IngressEntry Entry(IEnumerable<V1IngressRule> rules, IEnumerable<string>? tlsHosts = null, V1IngressBackend? defaultBackend = null, string ns = Services.Namespace) =>
        IngressEntry.FromIngress(
            new V1Ingress
            {
                Metadata = new V1ObjectMeta { Name = "web", NamespaceProperty = ns },
                Spec = new V1IngressSpec
                {
                    Rules = [.. rules],
                    Tls = tlsHosts is null ? null : [new V1IngressTLS { Hosts = [.. tlsHosts], SecretName = "tls" }],
                    DefaultBackend = defaultBackend,
                },
            },
            "default");
}
