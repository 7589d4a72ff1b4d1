using System.Globalization;
using k8s.Models;
using StackBlaze.Webhook.Core.Catalog;
using StackBlaze.Webhook.Core.Conventions;

namespace StackBlaze.Webhook.Core.NetworkPolicies;

/// <summary>
/// Links as the allow-list: one NetworkPolicy per Service of a project, admitting to the Service's
/// pods, on its target ports, the pods that link it, its own pods, the ingress namespaces when it is
/// public, and the monitoring namespaces on its metrics ports. Egress is left open (DNS keeps working).
/// </summary>
public static class LinkPolicies
{
    public const string NamePrefix = "stackblaze-links-";

    public const string ApiVersion = "networking.k8s.io/v1";

    public const string Kind = "NetworkPolicy";

    /// <summary>The name of the policy of that Service.</summary>
    public static string NameOf(string service) => NamePrefix + service;

    /// <summary>
    /// The project's policies, sorted by name. A Service without a selector has no pods of its own to
    /// protect, and an empty podSelector would select every pod of the namespace: it gets none.
    /// </summary>
    public static IReadOnlyList<V1NetworkPolicy> For(ProjectNetwork project, LinkPolicyOptions options)
    {
        var ingressBackends = project.Ingresses.SelectMany(i => i.Paths).Select(p => p.Service).ToHashSet(StringComparer.Ordinal);
        return
        [
            .. project.Services
                .Where(s => !s.Selector.IsEmpty && !s.Ports.IsEmpty)
                .OrderBy(s => s.Name, StringComparer.Ordinal)
                .Select(s => For(project.Namespace, s, s.PublicUrls is not null || ingressBackends.Contains(s.Name), options)),
        ];
    }

    private static V1NetworkPolicy For(string namespaceName, ServiceEntry service, bool isPublic, LinkPolicyOptions options)
    {
        List<V1NetworkPolicyPeer> callers =
        [
            new() { PodSelector = MatchLabels([KeyValuePair.Create(StackBlazeLabels.LinkedService(service.Name), "true")]) },
            new() { PodSelector = MatchLabels(service.Selector) },
        ];
        if (isPublic && options.IngressNamespaces is { } ingress)
        {
            callers.Add(new V1NetworkPolicyPeer { NamespaceSelector = ingress });
        }
        List<V1NetworkPolicyIngressRule> rules = [new() { Ports = Ports(service.Ports), FromProperty = callers }];
        if (options.MonitoringNamespaces is { } monitoring && service.Ports.Where(p => p.IsMetrics).ToArray() is { Length: > 0 } metrics)
        {
            rules.Add(new V1NetworkPolicyIngressRule { Ports = Ports(metrics), FromProperty = [new() { NamespaceSelector = monitoring }] });
        }
        return new V1NetworkPolicy
        {
            ApiVersion = ApiVersion,
            Kind = Kind,
            Metadata = new V1ObjectMeta
            {
                Name = NameOf(service.Name),
                NamespaceProperty = namespaceName,
                Labels = new Dictionary<string, string> { [StackBlazeLabels.ManagedBy] = StackBlazeLabels.ManagedByWebhook },
            },
            Spec = new V1NetworkPolicySpec
            {
                PodSelector = MatchLabels(service.Selector),
                PolicyTypes = ["Ingress"],
                Ingress = rules,
            },
        };
    }

    private static V1LabelSelector MatchLabels(IEnumerable<KeyValuePair<string, string>> labels) =>
        new() { MatchLabels = new Dictionary<string, string>(labels, StringComparer.Ordinal) };

    // The pods' ports, as the Service sends to them: a number, or a container port's name.
    private static List<V1NetworkPolicyPort> Ports(IEnumerable<ServicePortEntry> ports) =>
    [
        .. ports
            .Select(p => (Port: p.TargetPort ?? p.Port.ToString(CultureInfo.InvariantCulture), Protocol: p.Protocol ?? "TCP"))
            .Distinct()
            .Select(p => new V1NetworkPolicyPort
            {
                Port = int.TryParse(p.Port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : p.Port,
                Protocol = p.Protocol,
            }),
    ];
}
