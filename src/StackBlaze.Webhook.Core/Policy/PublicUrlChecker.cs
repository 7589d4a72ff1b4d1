using System.Globalization;
using StackBlaze.Webhook.Core.Catalog;
using StackBlaze.Webhook.Core.Conventions;
using StackBlaze.Webhook.Core.Objects;
using StackBlaze.Webhook.Core.Resolution;

namespace StackBlaze.Webhook.Core.Policy;

/// <summary>Finds a pod's calls to its own project's services through their public URLs.</summary>
internal static class PublicUrlChecker
{
    /// <summary>Every finding.</summary>
    public static IReadOnlyList<PublicUrlFinding> Check(
        PodShape pod, IReadOnlySet<string> allowed, string namespaceName, IProjectCatalog catalog, Action<string>? notChecked = null) =>
        Check(pod, allowed, namespaceName, catalog, int.MaxValue, out _, notChecked);

    /// <param name="pod">The pod or pod template, as read once for the review.</param>
    /// <param name="allowed">Variable names the pod allows to hold public URLs.</param>
    /// <param name="namespaceName">The pod's namespace, whose project's public hosts count.</param>
    /// <param name="catalog">The project's Services, Ingresses and ConfigMaps.</param>
    /// <param name="maxKept">How many findings to return; the others are only counted, so a pod of thousands holds few.</param>
    /// <param name="count">How many there are in all.</param>
    /// <param name="notChecked">Told what of its ConfigMaps could not be checked (see <see cref="ContainerConfigReader"/>).</param>
    /// <param name="notKnown">Told of the ConfigMaps it takes that the catalog does not have (see <see cref="ContainerConfigReader"/>).</param>
    /// <returns>The first <paramref name="maxKept"/> findings.</returns>
    public static IReadOnlyList<PublicUrlFinding> Check(
        PodShape pod, IReadOnlySet<string> allowed, string namespaceName, IProjectCatalog catalog, int maxKept, out int count,
        Action<string>? notChecked = null, Action<string>? notKnown = null) =>
        Check(ContainerConfigReader.Read(pod, namespaceName, catalog, notChecked, notKnown), allowed, namespaceName, catalog, maxKept, out count);

    /// <summary>The findings in any values, a pod's or a ConfigMap's, with the same exemptions and bound.</summary>
    /// <param name="values">The values, read one at a time.</param>
    /// <param name="allowed">Variable names allowed to hold public URLs.</param>
    /// <param name="namespaceName">Where the values are used, whose project's public hosts count.</param>
    /// <param name="catalog">The project's Services and Ingresses.</param>
    /// <param name="maxKept">How many findings to return; the others are only counted.</param>
    /// <param name="count">How many there are in all.</param>
    public static IReadOnlyList<PublicUrlFinding> Check(
        IEnumerable<ConfigValue> values, IReadOnlySet<string> allowed, string namespaceName, IProjectCatalog catalog, int maxKept, out int count)
    {
        List<PublicUrlFinding>? findings = null;
        count = 0;
        foreach (var value in values)
        {
            if (PublicUrlExemptions.IsExempt(value.VariableName, allowed))
            {
                continue;
            }
            foreach (var address in AddressScanner.Scan(value.Value))
            {
                if (catalog.FindPublicRoute(namespaceName, address.Host, address.Path) is { } route && count++ < maxKept)
                {
                    var shown = SecretRedaction.Redact(address, value.FromConfigMap);
                    (findings ??= []).Add(new PublicUrlFinding(value.Container, value.Subject, shown.Text, route.Service.Name, Internal(shown, route, catalog.Hosts)));
                }
            }
        }
        return (IReadOnlyList<PublicUrlFinding>?)findings ?? [];
    }

    /// <summary>
    /// The same call inside the project: <c>https://api.example.com/v1?q=1</c> becomes <c>http://backend.internal:3000/v1?q=1</c>,
    /// <c>api.example.com/v1</c> <c>backend.internal:3000/v1</c>, and any <c>dns:</c> target <c>dns:///backend.internal:3000</c>.
    /// </summary>
    private static string Internal(AddressMention address, PublicRoute route, ServiceHosts hosts)
    {
        var host = hosts.Of(route.Service.Name, route.Service.Namespace);
        var port = route.Port.Port.ToString(CultureInfo.InvariantCulture);
        if (address.IsDnsTarget)
        {
            // The pod's own resolver: a resolver named in the target's authority knows nothing of .internal names (nor of the cluster's).
            return $"dns:///{host}:{port}";
        }
        if (address.IsUrl)
        {
            return $"{Protocols.SchemeOf(route.Port)}://{host}:{port}{address.Rest}";
        }
        // A host with a path is a URL without its scheme, whose default port is not the Service's.
        return address.HasPort || address.Rest.Length > 0 ? $"{host}:{port}{address.Rest}" : host;
    }
}
