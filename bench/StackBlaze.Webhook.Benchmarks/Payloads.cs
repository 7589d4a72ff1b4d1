using System.Text.Json.Nodes;

namespace StackBlaze.Webhook.Benchmarks;

/// <summary>
/// Realistic AdmissionReviews of a given size: a frontend pod (or Deployment) with links, env,
/// volumes, probes, and managedFields padding it out, as real pods are.
/// </summary>
internal static class Payloads
{
    public static readonly int[] SizesKb = [3, 16, 64];

    public static string PodReview(int sizeKb) => Review("", "v1", "Pod", Pad(Pod(), sizeKb * 1024 - 600));

    /// <summary>The pod of <see cref="PodReview"/>, asking for its links' Service Bindings too.</summary>
    public static string PodReviewWithBindings(int sizeKb)
    {
        var pod = Pod();
        pod["metadata"]!["annotations"]!["stackblaze.io/service-bindings"] = "true";
        return Review("", "v1", "Pod", Pad(pod, sizeKb * 1024 - 600));
    }

    public static string DeploymentReview(int sizeKb)
    {
        var template = Pod();
        template.Remove("apiVersion");
        template.Remove("kind");
        var deployment = new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "Deployment",
            ["metadata"] = new JsonObject { ["name"] = "frontend", ["namespace"] = "shop" },
            ["spec"] = new JsonObject
            {
                ["replicas"] = 2,
                ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = "frontend" } },
                ["template"] = template,
            },
        };
        return Review("apps", "v1", "Deployment", Pad(deployment, sizeKb * 1024 - 600));
    }

    private static string Review(string group, string version, string kind, JsonObject obj) => new JsonObject
    {
        ["apiVersion"] = "admission.k8s.io/v1",
        ["kind"] = "AdmissionReview",
        ["request"] = new JsonObject
        {
            ["uid"] = "7f2c1a9e-4b3d-4e8f-9a6b-1c2d3e4f5a6b",
            ["kind"] = new JsonObject { ["group"] = group, ["version"] = version, ["kind"] = kind },
            ["namespace"] = "shop",
            ["operation"] = "CREATE",
            ["userInfo"] = new JsonObject { ["username"] = "system:serviceaccount:kube-system:replicaset-controller" },
            ["object"] = obj,
            ["dryRun"] = false,
        },
    }.ToJsonString();

    private static JsonObject Pod() => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Pod",
        ["metadata"] = new JsonObject
        {
            ["generateName"] = "frontend-7d9c6b5f4-",
            ["labels"] = new JsonObject { ["app"] = "frontend", ["pod-template-hash"] = "7d9c6b5f4" },
            ["annotations"] = new JsonObject { ["stackblaze.io/links"] = "backend, postgres" },
        },
        ["spec"] = new JsonObject
        {
            ["containers"] = new JsonArray(new JsonObject
            {
                ["name"] = "web",
                ["image"] = "registry.example.com/shop/frontend:1.4.2",
                ["env"] = new JsonArray([.. Enumerable.Range(1, 8).Select(i =>
                    (JsonNode)new JsonObject { ["name"] = $"FEATURE_{i}", ["value"] = $"enabled-{i}" })]),
                ["volumeMounts"] = new JsonArray(new JsonObject { ["name"] = "cache", ["mountPath"] = "/cache" }),
                ["readinessProbe"] = new JsonObject { ["httpGet"] = new JsonObject { ["path"] = "/ready", ["port"] = 8080 } },
                ["resources"] = new JsonObject { ["requests"] = new JsonObject { ["cpu"] = "100m", ["memory"] = "128Mi" } },
            }),
            ["volumes"] = new JsonArray(new JsonObject { ["name"] = "cache", ["emptyDir"] = new JsonObject() }),
        },
    };

    /// <summary>Adds managedFields entries until the object is about the wanted size.</summary>
    private static JsonObject Pad(JsonObject obj, int bytes)
    {
        var fields = new JsonArray();
        obj["metadata"]!["managedFields"] = fields;
        for (var i = 0; obj.ToJsonString().Length < bytes; i++)
        {
            fields.Add(new JsonObject
            {
                ["manager"] = $"kube-controller-manager-{i}",
                ["operation"] = "Update",
                ["apiVersion"] = "v1",
                ["time"] = "2026-11-27T12:00:00Z",
                ["fieldsType"] = "FieldsV1",
                ["fieldsV1"] = new JsonObject { ["f:metadata"] = new JsonObject { [$"f:labels-{i}"] = new JsonObject { ["."] = new JsonObject() } } },
            });
        }
        return obj;
    }
}
