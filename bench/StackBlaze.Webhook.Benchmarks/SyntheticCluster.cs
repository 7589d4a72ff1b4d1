using System.Globalization;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using StackBlaze.Webhook.Core.Catalog;

namespace StackBlaze.Webhook.Benchmarks;

/// <summary>
/// A cluster of namespaces with ten Services each, loaded into a live catalog the way the list
/// does it: every object read from JSON (so every string is its own copy), projected, replaced in.
/// </summary>
internal static class SyntheticCluster
{
    public const int ServicesPerNamespace = 10;

    public static string NamespaceName(int index) => $"ns-{index:D5}";

    public static LiveProjectCatalog Load(int namespaces, int firstNamespace = 0)
    {
        var catalog = new LiveProjectCatalog();
        catalog.Replace([.. Enumerable.Range(firstNamespace, namespaces).Select(i => NamespaceEntry.FromNamespace(Namespace(i)))]);
        catalog.Replace([.. Enumerable.Range(firstNamespace * ServicesPerNamespace, namespaces * ServicesPerNamespace)
            .Select(i => ServiceEntry.FromService(Service(i), ""))]);
        catalog.Replace(Array.Empty<IngressEntry>());
        catalog.Replace(Array.Empty<ConfigMapEntry>());
        foreach (var kind in Enum.GetValues<CatalogKind>())
        {
            catalog.MarkSynced(kind);
        }
        return catalog;
    }

    private static V1Namespace Namespace(int index)
    {
        var name = NamespaceName(index);
        var json = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Namespace",
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["resourceVersion"] = index.ToString(CultureInfo.InvariantCulture),
                ["labels"] = new JsonObject { ["stackblaze.io/project"] = name, ["kubernetes.io/metadata.name"] = name },
            },
        };
        return KubernetesJson.Deserialize<V1Namespace>(json.ToJsonString());
    }

    /// <summary>One port named http, a second (grpc) on every fifth Service, an env-name annotation on every tenth.</summary>
    private static V1Service Service(int index)
    {
        var n = index % ServicesPerNamespace;
        var ports = new JsonArray(Port("http", 8000 + n, null));
        if (n % 5 == 0)
        {
            ports.Add(Port("grpc", 9090, "grpc"));
        }
        var metadata = new JsonObject
        {
            ["name"] = $"svc-{n}",
            ["namespace"] = NamespaceName(index / ServicesPerNamespace),
            ["resourceVersion"] = index.ToString(CultureInfo.InvariantCulture),
        };
        if (n == 0)
        {
            metadata["annotations"] = new JsonObject { ["stackblaze.io/env-name"] = "API_URL" };
        }
        var json = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Service",
            ["metadata"] = metadata,
            ["spec"] = new JsonObject
            {
                ["type"] = "ClusterIP",
                ["clusterIP"] = $"10.96.{index / 250 % 250}.{index % 250}",
                ["selector"] = new JsonObject { ["app"] = $"svc-{n}" },
                ["ports"] = ports,
            },
        };
        return KubernetesJson.Deserialize<V1Service>(json.ToJsonString());
    }

    private static JsonObject Port(string name, int port, string? appProtocol)
    {
        var json = new JsonObject { ["name"] = name, ["port"] = port, ["targetPort"] = port, ["protocol"] = "TCP" };
        if (appProtocol is not null)
        {
            json["appProtocol"] = appProtocol;
        }
        return json;
    }
}
