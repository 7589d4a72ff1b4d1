using k8s.Models;
using StackBlaze.Webhook.Tests.Support;
using StackBlaze.Webhook.Tests.Support.NetworkPolicySemantics;

namespace StackBlaze.Webhook.Tests.NetworkPolicies;

/// <summary>
/// A project's manifests as the cluster would run them: two pods per Deployment, with the labels and
/// ports <c>inject</c> gives their template, under the policies <c>network-policies</c> prints, both
/// run as a user runs them; beside it an ingress, a monitoring and an unrelated namespace.
/// </summary>
internal sealed class PolicedProject
{
    public const string IngressNamespace = "ingress-nginx";
    public const string MonitoringNamespace = "monitoring";
    public const string OtherNamespace = "elsewhere";

    private readonly IReadOnlyList<ClusterPod> pods;
    private readonly IReadOnlyList<V1Service> services;
    private readonly ClusterNetwork network;

    private PolicedProject(IReadOnlyList<ClusterPod> pods, IReadOnlyList<V1Service> services, ClusterNetwork network)
    {
        this.pods = pods;
        this.services = services;
        this.network = network;
    }

    public static async Task<PolicedProject> LoadAsync(string folder)
    {
        var injected = await ProcessRunner.RunWebhookCommandAsync(["inject", "-f", folder]);
        injected.ExitCode.Should().Be(0, injected.Stderr);
        var policies = await ProcessRunner.RunWebhookCommandAsync(
        [
            "network-policies", "-f", folder,
            "--ingress-namespace-selector", $"{ClusterNamespace.NameLabel}={IngressNamespace}",
            "--monitoring-namespace-selector", $"{ClusterNamespace.NameLabel}={MonitoringNamespace}",
        ]);
        policies.ExitCode.Should().Be(0, policies.Stderr);

        var objects = TypedManifests.Load(injected.Stdout, "inject");
        var pods = objects.OfType<V1Deployment>()
            .SelectMany(d => Enumerable.Range(0, 2).Select(replica =>
                ClusterPod.Of(d.Metadata.NamespaceProperty, $"{d.Metadata.Name}-{replica}", d.Spec.Template.Metadata, d.Spec.Template.Spec)))
            .ToList();
        var namespaces = objects.OfType<V1Namespace>()
            .Select(ns => new ClusterNamespace(ns.Metadata.Name, ns.Metadata.Labels?.AsReadOnly()))
            .Concat([new(IngressNamespace), new(MonitoringNamespace), new(OtherNamespace)]);
        return new PolicedProject(
            pods,
            [.. objects.OfType<V1Service>()],
            new ClusterNetwork(namespaces, TypedManifests.Load(policies.Stdout, "network-policies").Cast<V1NetworkPolicy>()));
    }

    /// <summary>
    /// Every connection admitted to a pod on a port its Services send to (and on the same number in
    /// the other protocol), as <c>client -> server port</c> by workload: from each other pod of the
    /// project, from any pod of the ingress and of the monitoring namespace, and from a pod of another
    /// namespace that carries every label of the project's pods, link labels included.
    /// </summary>
    public IReadOnlySet<string> Admitted()
    {
        var impostor = new ClusterPod(OtherNamespace, "impostor",
            pods.SelectMany(pod => pod.Labels).DistinctBy(label => label.Key).ToDictionary(), []);
        var admitted = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var server in pods)
        {
            foreach (var port in ServicePorts(server).SelectMany(port => new[] { port, port with { Protocol = port.Protocol == "TCP" ? "UDP" : "TCP" } }))
            {
                var reached = $"{Workload(server)} {port}";
                foreach (var client in pods.Where(client => !ReferenceEquals(client, server) && network.Admits(client, server, port)))
                {
                    admitted.Add($"{Workload(client)} -> {reached}");
                }
                foreach (var ns in new[] { IngressNamespace, MonitoringNamespace }.Where(ns => network.AdmitsAnyPodOf(ns, server, port)))
                {
                    admitted.Add($"{ns} -> {reached}");
                }
                if (network.Admits(impostor, server, port))
                {
                    admitted.Add($"{OtherNamespace} -> {reached}");
                }
            }
        }
        return admitted;
    }

    // The ports the project's Services send to on this pod: a named targetPort is the number the pod gives that name.
    private IEnumerable<ServerPort> ServicePorts(ClusterPod pod) =>
        services
            .Where(service => service.Spec.Selector is { Count: > 0 } selector && selector.All(label => pod.Labels.GetValueOrDefault(label.Key) == label.Value))
            .SelectMany(service => service.Spec.Ports)
            .SelectMany(port => (port.TargetPort?.Value, port.Protocol ?? "TCP") switch
            {
                (null, var protocol) => [new ServerPort(port.Port, protocol)],
                (var target, var protocol) when int.TryParse(target, out var number) => [new ServerPort(number, protocol)],
                (var name, var protocol) => pod.Ports.Where(p => p.Name == name && p.Protocol == protocol).Select(p => new ServerPort(p.Number, protocol)),
            })
            .Distinct();

    private static string Workload(ClusterPod pod) => pod.Name[..pod.Name.LastIndexOf('-')];
}
