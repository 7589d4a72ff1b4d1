using System.Globalization;
using k8s.Models;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.CommandLine;

/// <summary>
/// <c>check --kubeconfig</c> on a namespace of a hundred thousand pods reads them a page at a time and
/// keeps none: they are a ReplicaSet's, checked through its Deployment.
/// </summary>
public sealed class LiveCheckMemoryTests
{
    private const int Pods = 100_000;

    /// <summary>A quarter of the server's heap cap: the pods' JSON alone is more than twice as big.</summary>
    private const long HeapLimitBytes = 48L * 1024 * 1024;

    [Fact]
    public async Task A_hundred_thousand_pods_of_a_replica_set_are_checked_through_its_deployment_in_a_48_mib_heap()
    {
        await using var cluster = await ClusterObjects.StartClusterAsync("live-check.yaml");
        var replicaSet = ClusterObjects.Load("live-check.yaml").Find<V1ReplicaSet>("report-worker-5d8f7");
        cluster.Generate(Pods, i => OwnedPod(replicaSet, i), _ => "shop");
        using var folder = new TemporaryFolder();
        var environment = ServerProcess.NoCluster(folder.Path);
        environment["DOTNET_GCHeapHardLimit"] = "0x" + HeapLimitBytes.ToString("X", CultureInfo.InvariantCulture);

        var result = await ProcessRunner.RunWebhookCommandAsync(
            ["check", "--kubeconfig", cluster.WriteKubeconfig(folder.Path), "-n", "shop"], environment: environment);

        result.ExitCode.Should().Be(1, result.Stderr);
        result.Stderr.Should().StartWith("check: 3 objects, 3 violations, 0 warnings\n");
        cluster.Pods.ListLimits.Should().HaveCount(Pods / 500 + 1);
    }

    // The size of a real pod of a Deployment: labels, an owner, resources, a few variables and mounts.
    private static V1Pod OwnedPod(V1ReplicaSet owner, int index) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = $"{owner.Metadata.Name}-{index:D6}",
            NamespaceProperty = "shop",
            Uid = $"00000000-0000-4000-8000-{index:D12}",
            Labels = new Dictionary<string, string> { ["app"] = "report-worker", ["pod-template-hash"] = "5d8f7" },
            OwnerReferences =
            [
                new V1OwnerReference
                {
                    ApiVersion = "apps/v1", Kind = "ReplicaSet", Name = owner.Metadata.Name, Uid = owner.Metadata.Uid, Controller = true, BlockOwnerDeletion = true,
                },
            ],
        },
        Spec = new V1PodSpec
        {
            NodeName = $"node-{index % 300:D3}",
            Containers =
            [
                new V1Container
                {
                    Name = "worker",
                    Image = "registry.example.com/shop/report-worker:0.3.0",
                    Env = [.. Enumerable.Range(0, 8).Select(v => new V1EnvVar { Name = $"SETTING_{v}", Value = $"value-{v}-of-pod-{index}" })],
                    Resources = new V1ResourceRequirements
                    {
                        Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("100m"), ["memory"] = new("128Mi") },
                        Limits = new Dictionary<string, ResourceQuantity> { ["memory"] = new("256Mi") },
                    },
                    VolumeMounts = [new V1VolumeMount { Name = "kube-api-access", MountPath = "/var/run/secrets/kubernetes.io/serviceaccount", ReadOnlyProperty = true }],
                },
            ],
            Volumes = [new V1Volume { Name = "kube-api-access", Projected = new V1ProjectedVolumeSource { Sources = [] } }],
        },
    };
}
