using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using StackBlaze.Webhook.Core.Manifests;
using StackBlaze.Webhook.Tests.Deploy;

namespace StackBlaze.Webhook.Tests.Support;

/// <summary>
/// Manifests read as the product reads them (<see cref="ManifestReader"/>) and bound to typed models
/// with <see cref="KubernetesJson"/>, strictly: a kind with no model here, or a field its model would
/// drop, is an error that names the document and the fields.
/// </summary>
internal static class TypedManifests
{
    // Only the kinds the tests read (Fixtures/Cluster, deploy/examples through inject, deploy/ rendered).
    // One generic Deserialize<T> per kind, not Deserialize(json, Type), so trimming and NativeAOT keep them.
    private static readonly Dictionary<string, Func<ManifestDocument, object>> Models = new(StringComparer.Ordinal)
    {
        ["v1/Namespace"] = Bind<V1Namespace>(),
        ["v1/Pod"] = Bind<V1Pod>(),
        ["v1/Service"] = Bind<V1Service>(),
        ["v1/ServiceAccount"] = Bind<V1ServiceAccount>(),
        ["v1/ConfigMap"] = Bind<V1ConfigMap>(),
        ["v1/Secret"] = Bind<V1Secret>(),
        ["v1/ResourceQuota"] = Bind<V1ResourceQuota>(),
        ["apps/v1/Deployment"] = Bind<V1Deployment>(),
        ["apps/v1/ReplicaSet"] = Bind<V1ReplicaSet>(),
        ["networking.k8s.io/v1/Ingress"] = Bind<V1Ingress>(),
        ["networking.k8s.io/v1/NetworkPolicy"] = Bind<V1NetworkPolicy>(),
        ["policy/v1/PodDisruptionBudget"] = Bind<V1PodDisruptionBudget>(),
        ["rbac.authorization.k8s.io/v1/ClusterRole"] = Bind<V1ClusterRole>(),
        ["rbac.authorization.k8s.io/v1/ClusterRoleBinding"] = Bind<V1ClusterRoleBinding>(),
        ["rbac.authorization.k8s.io/v1/Role"] = Bind<V1Role>(),
        ["rbac.authorization.k8s.io/v1/RoleBinding"] = Bind<V1RoleBinding>(),
        ["admissionregistration.k8s.io/v1/MutatingWebhookConfiguration"] = Bind<V1MutatingWebhookConfiguration>(),
        ["admissionregistration.k8s.io/v1/ValidatingWebhookConfiguration"] = Bind<V1ValidatingWebhookConfiguration>(),
        ["admissionregistration.k8s.io/v1/ValidatingAdmissionPolicy"] = Bind<V1ValidatingAdmissionPolicy>(),
        ["admissionregistration.k8s.io/v1/ValidatingAdmissionPolicyBinding"] = Bind<V1ValidatingAdmissionPolicyBinding>(),
        ["cert-manager.io/v1/Issuer"] = Bind<CertManagerIssuer>(CertManagerJsonContext.Default.Options),
        ["cert-manager.io/v1/Certificate"] = Bind<CertManagerCertificate>(CertManagerJsonContext.Default.Options),
        ["monitoring.coreos.com/v1/ServiceMonitor"] = Bind<ServiceMonitor>(MonitoringJsonContext.Default.Options),
        ["monitoring.coreos.com/v1/PrometheusRule"] = Bind<PrometheusRule>(MonitoringJsonContext.Default.Options),
    };

    /// <summary>Every object of a YAML stream as its model; <paramref name="source"/> names the stream in errors.</summary>
    public static IReadOnlyList<object> Load(string yaml, string source) =>
        [.. ManifestReader.Parse(yaml, source).Select(document => Models.TryGetValue($"{document.ApiVersion}/{document.Kind}", out var bind)
            ? bind(document)
            : throw new InvalidDataException($"{document.Location}: no model for {document.ApiVersion} {document.Kind} (known: {string.Join(", ", Models.Keys)})"))];

    // Options only for our own types, which KubernetesClient.Aot's resolver does not know.
    private static Func<ManifestDocument, object> Bind<T>(JsonSerializerOptions? options = null)
        where T : class => document =>
        {
            var model = KubernetesJson.Deserialize<T>(document.Body.GetRawText(), options);
            var dropped = DroppedFields.Between(JsonNode.Parse(document.Body.GetRawText())!, JsonNode.Parse(KubernetesJson.Serialize(model, options)));
            return dropped.Count == 0
                ? model
                : throw new InvalidDataException($"{document.Location}: {typeof(T).Name} drops {string.Join(", ", dropped)}");
        };
}
