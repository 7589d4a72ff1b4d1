using StackBlaze.Webhook.Catalog;
using StackBlaze.Webhook.Conventions;
using StackBlaze.Webhook.Links;

namespace StackBlaze.Webhook.Resolution;

/// <summary>Matches link entries to the Services of the pod's namespace.</summary>
public static class LinkResolver
{
    public static LinkResolution Resolve(IEnumerable<LinkEntry> entries, string namespaceName, IProjectCatalog catalog)
    {
        var links = new List<ResolvedLink>();
        var errors = new List<string>();
        foreach (var entry in entries)
        {
            var error = TryResolve(entry, namespaceName, catalog, out var link);
            if (error is null)
            {
                links.Add(link!);
            }
            else
            {
                errors.Add(error);
            }
        }
        return new LinkResolution(links, errors);
    }

    private static string? TryResolve(LinkEntry entry, string namespaceName, IProjectCatalog catalog, out ResolvedLink? link)
    {
        link = null;
        var service = catalog.FindService(namespaceName, entry.Service);
        if (service is null)
        {
            var known = catalog.ServiceNames(namespaceName);
            var names = known.Count == 0 ? "it has none" : $"it has {string.Join(", ", known)}";
            return $"link \"{entry.Text}\": namespace \"{namespaceName}\" has no service \"{entry.Service}\" ({names})";
        }

        var portError = TrySelectPort(entry, service, out var port);
        if (portError is not null)
        {
            return portError;
        }

        var scheme = Protocols.SchemeOf(port!);
        if (entry.EnvName is null && service.EnvName is { } annotated && !EnvNames.IsValid(annotated))
        {
            return $"link \"{entry.Text}\": service \"{service.Name}\" has annotation {StackBlazeAnnotations.EnvName}: \"{annotated}\", "
                + $"which is not a variable name ({EnvNames.Rule}); fix it or name the variable in the link";
        }
        var envName = entry.EnvName ?? service.EnvName ?? Protocols.DefaultEnvName(scheme) ?? EnvNames.ForService(service.Name);

        link = new ResolvedLink(entry, service, port!, scheme, envName);
        return null;
    }

    /// <summary>The named port; else the only one; else the one named http.</summary>
    private static string? TrySelectPort(LinkEntry entry, ServiceEntry service, out ServicePortEntry? port)
    {
        if (service.Ports.IsEmpty)
        {
            port = null;
            return $"link \"{entry.Text}\": service \"{service.Name}\" has no ports";
        }

        if (entry.Port is { } wanted)
        {
            port = service.FindPort(wanted);
            return port is null
                ? $"link \"{entry.Text}\": service \"{service.Name}\" has no port \"{wanted}\"; its ports are {ListPorts(service)}"
                : null;
        }

        port = service.DefaultPort;
        return port is null
            ? $"link \"{entry.Text}\": service \"{service.Name}\" has several ports, {ListPorts(service)}, and none named http; "
                + $"choose one as {service.Name}:PORT"
            : null;
    }

    private static string ListPorts(ServiceEntry service) => string.Join(", ", service.Ports);
}
