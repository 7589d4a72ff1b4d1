using System.Collections.Frozen;

namespace StackBlaze.Webhook.Core.Catalog;

/// <summary>
/// One namespace's public hosts: from its Services' <c>stackblaze.io/public-url</c> annotations and
/// its Ingresses (rule hosts, TLS hosts, wildcards), each leading to a Service port.
/// </summary>
internal sealed class PublicRouteTable
{
    private readonly FrozenDictionary<string, PublicRoute[]> _byHost;

    private PublicRouteTable(FrozenDictionary<string, PublicRoute[]> byHost)
    {
        _byHost = byHost;
    }

    /// <param name="services">The namespace's Services.</param>
    /// <param name="ingresses">The namespace's Ingresses; paths to Services it does not have are left out.</param>
    public static PublicRouteTable Build(IReadOnlyCollection<ServiceEntry> services, IEnumerable<IngressEntry> ingresses)
    {
        var byName = services.ToDictionary(s => s.Name, StringComparer.Ordinal);
        return new PublicRouteTable(services.SelectMany(FromAnnotation).Concat(ingresses.SelectMany(i => FromIngress(i, byName)))
            .GroupBy(r => r.Host, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(r => r.PathPrefix.Length).ToArray(), StringComparer.Ordinal));
    }

    public bool IsEmpty => _byHost.Count == 0;

    /// <summary>The route a request for host and path takes, or null when the host is not public here.</summary>
    public PublicRoute? Match(string host, string path)
    {
        host = host.ToLowerInvariant();
        if (!_byHost.TryGetValue(host, out var routes))
        {
            var dot = host.IndexOf('.', StringComparison.Ordinal);
            if (dot < 0 || !_byHost.TryGetValue("*" + host[dot..], out routes))
            {
                return null;
            }
        }
        // The longest prefix that serves the path; a public host stays public on paths no route names.
        return routes.FirstOrDefault(r => r.Serves(path)) ?? routes[^1];
    }

    private static IEnumerable<PublicRoute> FromAnnotation(ServiceEntry service)
    {
        if (service.PublicUrls is null || (service.DefaultPort ?? service.Ports.FirstOrDefault()) is not { } port)
        {
            yield break;
        }
        foreach (var text in service.PublicUrls.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var absolute = text.Contains("://", StringComparison.Ordinal) ? text : "https://" + text;
            if (Uri.TryCreate(absolute, UriKind.Absolute, out var url) && url.Host.Length > 0)
            {
                yield return new PublicRoute(url.Host.ToLowerInvariant(), url.AbsolutePath, service, port);
            }
        }
    }

    private static IEnumerable<PublicRoute> FromIngress(IngressEntry ingress, Dictionary<string, ServiceEntry> services)
    {
        var ruleHosts = ingress.Paths.Where(p => p.Host is not null).Select(p => p.Host!).ToHashSet(StringComparer.Ordinal);
        foreach (var path in ingress.Paths)
        {
            if (!services.TryGetValue(path.Service, out var service)
                || (path.Port is null ? service.DefaultPort : service.FindPort(path.Port)) is not { } port)
            {
                continue;
            }
            // A path without a host serves every host, which for a public URL means the TLS hosts;
            // a TLS host that no rule names is served by the Ingress's paths as a whole.
            var hosts = path.Host is { } host
                ? ingress.TlsHosts.Where(t => !ruleHosts.Contains(t)).Prepend(host)
                : ingress.TlsHosts;
            foreach (var publicHost in hosts.Distinct(StringComparer.Ordinal))
            {
                yield return new PublicRoute(publicHost, path.Path, service, port);
            }
        }
    }
}
