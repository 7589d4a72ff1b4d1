using System.Text.Json;
using k8s;
using k8s.Models;
using StackBlaze.Webhook.Core.Catalog;
using StackBlaze.Webhook.Core.Conventions;

namespace StackBlaze.Webhook.Core.Manifests;

/// <summary>
/// The catalog that manifests describe: their Services, Ingresses, ConfigMaps and Namespaces,
/// bound with KubernetesClient's JSON support from the documents as already read (its YAML support
/// reflects over every model type first, a third of a second at each start; its JSON support takes
/// text only, hence the raw text of each); other kinds are ignored.
/// </summary>
public static class ManifestCatalog
{
    /// <param name="documents">Manifests of any kinds.</param>
    /// <param name="defaultNamespace">The namespace of objects that name none.</param>
    /// <param name="hosts">How pods name the Services; <see cref="ServiceHosts.Internal"/> when null.</param>
    public static StaticProjectCatalog FromDocuments(IEnumerable<ManifestDocument> documents, string defaultNamespace, ServiceHosts? hosts = null) => new(
        Services(documents, defaultNamespace),
        Ingresses(documents, defaultNamespace),
        Read<V1ConfigMap>(documents, "v1", "ConfigMap").Select(c => ConfigMapEntry.FromConfigMap(c, defaultNamespace)),
        Read<V1Namespace>(documents, "v1", "Namespace").Select(NamespaceEntry.FromNamespace))
    {
        Hosts = hosts ?? ServiceHosts.Internal,
    };

    /// <summary>The Services of the manifests, in file order.</summary>
    public static IEnumerable<ServiceEntry> Services(IEnumerable<ManifestDocument> documents, string defaultNamespace) =>
        Read<V1Service>(documents, "v1", "Service").Select(s => ServiceEntry.FromService(s, defaultNamespace));

    /// <summary>The Ingresses of the manifests, in file order.</summary>
    public static IEnumerable<IngressEntry> Ingresses(IEnumerable<ManifestDocument> documents, string defaultNamespace) =>
        Read<V1Ingress>(documents, "networking.k8s.io/v1", "Ingress").Select(i => IngressEntry.FromIngress(i, defaultNamespace));

    private static IEnumerable<T> Read<T>(IEnumerable<ManifestDocument> documents, string apiVersion, string kind) =>
        documents.Where(d => d.Kind == kind && d.ApiVersion == apiVersion).Select(Read<T>);

    private static T Read<T>(ManifestDocument document)
    {
        try
        {
            return KubernetesJson.Deserialize<T>(document.Body.GetRawText());
        }
        catch (JsonException e)
        {
            throw new ManifestException($"{document.Location}: not a valid {document.Kind}: {e.Message}", e);
        }
    }
}
