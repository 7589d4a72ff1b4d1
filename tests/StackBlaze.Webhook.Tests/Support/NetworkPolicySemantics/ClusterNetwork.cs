using k8s.Models;

namespace StackBlaze.Webhook.Tests.Support.NetworkPolicySemantics;

/// <summary>
/// Which connections between pods a cluster's NetworkPolicies admit, by the Kubernetes semantics
/// (https://kubernetes.io/docs/concepts/services-networking/network-policies/), written apart from the
/// product so that it can check the policies the product makes. A connection needs the client's egress
/// and the server's ingress to allow it; a pod selected by no policy of a direction is open in it.
/// </summary>
internal sealed class ClusterNetwork
{
    private const string Ingress = "Ingress";
    private const string Egress = "Egress";

    private readonly Dictionary<string, ClusterNamespace> namespaces;
    private readonly IReadOnlyList<V1NetworkPolicy> policies;

    public ClusterNetwork(IEnumerable<ClusterNamespace> namespaces, IEnumerable<V1NetworkPolicy> policies)
    {
        this.namespaces = namespaces.ToDictionary(ns => ns.Name, StringComparer.Ordinal);
        this.policies = [.. policies];
        foreach (var policy in this.policies)
        {
            Namespace(NamespaceOf(policy));
        }
    }

    /// <summary>The network of the Namespaces and NetworkPolicies among <paramref name="objects"/> (other kinds are left out).</summary>
    public static ClusterNetwork Of(IEnumerable<object> objects)
    {
        var all = objects.ToList();
        return new(
            all.OfType<V1Namespace>().Select(ns => new ClusterNamespace(ns.Metadata.Name, ns.Metadata.Labels?.AsReadOnly())),
            all.OfType<V1NetworkPolicy>());
    }

    /// <summary>Whether <paramref name="client"/> may connect to <paramref name="server"/> on <paramref name="port"/>.</summary>
    public bool Admits(ClusterPod client, ClusterPod server, ServerPort port) =>
        // "A pod cannot block access to itself" (the Kubernetes documentation's words).
        (client.Namespace == server.Namespace && client.Name == server.Name)
        || Decided(AllowedOut(client.Namespace, client.Labels, server, port) & AllowedIn(client.Namespace, client.Labels, server, port), client.ToString(), server, port);

    /// <summary>
    /// Whether every pod of <paramref name="ns"/>, whatever its labels, may connect to <paramref name="server"/>
    /// on <paramref name="port"/> (true) or none may (false).
    /// </summary>
    /// <exception cref="InvalidOperationException">Some pods of the namespace may and others not, or this model cannot tell: ask about a pod.</exception>
    public bool AdmitsAnyPodOf(string ns, ClusterPod server, ServerPort port) =>
        Decided(AllowedOut(ns, null, server, port) & AllowedIn(ns, null, server, port), $"a pod of {ns}", server, port);

    // Null throughout: the answer depends on the client's labels, which are not known.
    private bool? AllowedIn(string clientNamespace, IReadOnlyDictionary<string, string>? clientLabels, ClusterPod server, ServerPort port)
    {
        var isolating = PoliciesOf(server.Namespace, Ingress).Where(policy => Selects(policy, server.Labels) == true).ToList();
        if (isolating.Count == 0)
        {
            return true;
        }
        bool? allowed = false;
        foreach (var policy in isolating)
        {
            foreach (var rule in (policy.Spec.Ingress ?? []).Where(rule => PolicyPorts.Admit(rule.Ports, port, server)))
            {
                allowed |= PolicyPeers.Take(rule.FromProperty, NamespaceOf(policy), Namespace(clientNamespace), clientLabels);
            }
        }
        return allowed;
    }

    private bool? AllowedOut(string clientNamespace, IReadOnlyDictionary<string, string>? clientLabels, ClusterPod server, ServerPort port)
    {
        bool? isolated = false;
        bool? allowed = false;
        foreach (var policy in PoliciesOf(clientNamespace, Egress))
        {
            var selected = Selects(policy, clientLabels);
            isolated |= selected;
            foreach (var rule in (policy.Spec.Egress ?? []).Where(rule => PolicyPorts.Admit(rule.Ports, port, server)))
            {
                allowed |= selected & PolicyPeers.Take(rule.To, NamespaceOf(policy), Namespace(server.Namespace), server.Labels);
            }
        }
        return !isolated | allowed;
    }

    // Without policyTypes, a policy is for Ingress always and for Egress when it has egress rules.
    private IEnumerable<V1NetworkPolicy> PoliciesOf(string ns, string direction) => policies.Where(policy =>
        NamespaceOf(policy) == ns
        && (policy.Spec.PolicyTypes is { Count: > 0 } types
            ? types.Contains(direction)
            : direction == Ingress || policy.Spec.Egress is { Count: > 0 }));

    private static bool? Selects(V1NetworkPolicy policy, IReadOnlyDictionary<string, string>? labels) =>
        LabelSelectors.Matches(policy.Spec.PodSelector ?? new V1LabelSelector(), labels);

    private ClusterNamespace Namespace(string name) =>
        namespaces.TryGetValue(name, out var ns) ? ns : throw new InvalidDataException($"no namespace {name} in this network");

    private static string NamespaceOf(V1NetworkPolicy policy) =>
        policy.Metadata.NamespaceProperty ?? throw new InvalidDataException($"NetworkPolicy {policy.Metadata.Name} has no namespace");

    private static bool Decided(bool? verdict, string client, ClusterPod server, ServerPort port) =>
        verdict ?? throw new InvalidOperationException($"whether {client} reaches {server} on {port} depends on labels not known here: ask about a pod");
}
