using k8s.Models;

namespace StackBlaze.Webhook.Tests.Support.NetworkPolicySemantics;

/// <summary>A pod as NetworkPolicies see it: where it runs, its labels and its containers' ports (it has no IP here).</summary>
/// <remarks>A class, not a record: a record would compare its label dictionaries by reference.</remarks>
internal sealed class ClusterPod(string ns, string name, IReadOnlyDictionary<string, string> labels, IReadOnlyList<PodPort> ports)
{
    public string Namespace { get; } = ns;

    public string Name { get; } = name;

    public IReadOnlyDictionary<string, string> Labels { get; } = labels;

    public IReadOnlyList<PodPort> Ports { get; } = ports;

    /// <summary>The pod <paramref name="pod"/> describes.</summary>
    public static ClusterPod From(V1Pod pod) =>
        Of(pod.Metadata.NamespaceProperty ?? throw new InvalidDataException($"pod {pod.Metadata.Name} has no namespace"), pod.Metadata.Name, pod.Metadata, pod.Spec);

    /// <summary>A pod in <paramref name="ns"/> named <paramref name="name"/>, with the labels of <paramref name="metadata"/> (a pod's or a template's).</summary>
    public static ClusterPod Of(string ns, string name, V1ObjectMeta? metadata, V1PodSpec spec) => new(
        ns,
        name,
        new Dictionary<string, string>(metadata?.Labels ?? new Dictionary<string, string>(), StringComparer.Ordinal),
        [.. spec.Containers.SelectMany(c => c.Ports ?? [])
            .Select(port => new PodPort(port.Name, port.ContainerPort, port.Protocol ?? "TCP"))]);

    public override string ToString() => $"{Namespace}/{Name}";
}
