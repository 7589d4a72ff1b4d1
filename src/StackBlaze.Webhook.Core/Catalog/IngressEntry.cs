using System.Collections.Immutable;
using k8s.Models;

namespace StackBlaze.Webhook.Core.Catalog;

/// <summary>What the policy needs of an Ingress: which hosts and paths lead to which Service ports.</summary>
/// <param name="Namespace">The Ingress's namespace; its backends are Services there.</param>
/// <param name="Name">The Ingress's name.</param>
/// <param name="Paths">Host, path and backend of every rule path, and of the default backend (host null, path "/").</param>
/// <param name="TlsHosts">The hosts of its TLS entries.</param>
public sealed record IngressEntry(string Namespace, string Name, ImmutableArray<IngressPath> Paths, ImmutableArray<string> TlsHosts)
{
    public static IngressEntry FromIngress(V1Ingress ingress, string defaultNamespace)
    {
        var spec = ingress.Spec;
        var paths = ImmutableArray.CreateBuilder<IngressPath>();
        if (spec?.DefaultBackend?.Service is { } fallback)
        {
            paths.Add(new IngressPath(null, "/", fallback.Name, PortOf(fallback.Port)));
        }
        foreach (var rule in spec?.Rules ?? [])
        {
            foreach (var path in rule.Http?.Paths ?? [])
            {
                if (path.Backend?.Service is { } backend)
                {
                    paths.Add(new IngressPath(Lower(rule.Host), string.IsNullOrEmpty(path.Path) ? "/" : path.Path, backend.Name, PortOf(backend.Port)));
                }
            }
        }
        var tlsHosts = spec?.Tls?.SelectMany(tls => tls.Hosts ?? []).Select(h => h.ToLowerInvariant()).ToImmutableArray() ?? [];
        return new IngressEntry(
            string.IsNullOrEmpty(ingress.Metadata?.NamespaceProperty) ? defaultNamespace : ingress.Metadata.NamespaceProperty,
            ingress.Metadata?.Name ?? "",
            paths.ToImmutable(),
            tlsHosts);
    }

    private static string? PortOf(V1ServiceBackendPort? port) =>
        port?.Number is { } number ? number.ToString(System.Globalization.CultureInfo.InvariantCulture) : port?.Name;

    private static string? Lower(string? host) => string.IsNullOrEmpty(host) ? null : host.ToLowerInvariant();
}

/// <summary>One path of an Ingress: requests for <paramref name="Host"/> (any host when null) under <paramref name="Path"/> go to a Service port.</summary>
public sealed record IngressPath(string? Host, string Path, string Service, string? Port);
