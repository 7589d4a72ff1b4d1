using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace StackBlaze.Webhook.Tests.Deploy;

/// <summary>An object of a kind KubernetesClient has no type for (cert-manager's, the Prometheus Operator's): the Kubernetes header and its spec.</summary>
public abstract class CustomObject<TSpec> : IKubernetesObject<V1ObjectMeta>
    where TSpec : new()
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = "";

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "";

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    public TSpec Spec { get; set; } = new();
}
