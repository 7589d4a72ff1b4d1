using k8s;
using k8s.Models;
using StackBlaze.Webhook.Tests.Support.FakeApiServer;

namespace StackBlaze.Webhook.Tests.Support;

/// <summary>Objects for the fake cluster: the fixtures of Fixtures/Cluster, and small ones made to order.</summary>
internal static class ClusterObjects
{
    /// <summary>The Namespaces, Services, ConfigMaps and Ingresses of a fixture file, as typed objects.</summary>
    public static IReadOnlyList<IKubernetesObject<V1ObjectMeta>> Load(string name)
    {
        var path = RepositoryPaths.Fixture("Cluster", name);
        return [.. TypedManifests.Load(File.ReadAllText(path), path).Cast<IKubernetesObject<V1ObjectMeta>>()];
    }

    /// <summary>A fake cluster holding the objects of a fixture file.</summary>
    public static async Task<FakeKubernetes> StartClusterAsync(string fixture, Outage? downFromTheStart = null)
    {
        var cluster = await FakeKubernetes.StartAsync(downFromTheStart);
        cluster.PutAll(Load(fixture));
        return cluster;
    }

    public static T Find<T>(this IReadOnlyList<IKubernetesObject<V1ObjectMeta>> objects, string name)
        where T : IKubernetesObject<V1ObjectMeta> =>
        objects.OfType<T>().Single(o => o.Metadata.Name == name);

    public static V1Namespace Namespace(string name, IDictionary<string, string>? labels = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, Labels = labels },
    };

    public static V1Service Service(string ns, string name, int port, string portName = "http", IDictionary<string, string>? annotations = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, Annotations = annotations },
        Spec = new V1ServiceSpec { Ports = [new V1ServicePort { Name = portName, Port = port }] },
    };

    public static V1ConfigMap ConfigMap(string ns, string name, IDictionary<string, string> data) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
        Data = data,
    };

    /// <summary>An Ingress that sends every path of <paramref name="host"/> to a Service's named port.</summary>
    public static V1Ingress Ingress(string ns, string name, string host, string service, string portName) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
        Spec = new V1IngressSpec
        {
            Rules =
            [
                new V1IngressRule
                {
                    Host = host,
                    Http = new V1HTTPIngressRuleValue
                    {
                        Paths =
                        [
                            new V1HTTPIngressPath
                            {
                                Path = "/",
                                PathType = "Prefix",
                                Backend = new V1IngressBackend
                                {
                                    Service = new V1IngressServiceBackend { Name = service, Port = new V1ServiceBackendPort { Name = portName } },
                                },
                            },
                        ],
                    },
                },
            ],
        },
    };
}
