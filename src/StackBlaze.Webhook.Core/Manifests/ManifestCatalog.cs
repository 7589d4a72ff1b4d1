using k8s;
using k8s.Models;
using StackBlaze.Webhook.Catalog;

namespace StackBlaze.Webhook.Manifests;

/// <summary>The catalog that manifests describe: their Services, read with KubernetesClient's YAML support.</summary>
public static class ManifestCatalog
{
    /// <param name="documents">Manifests of any kinds; only Services count for links.</param>
    /// <param name="defaultNamespace">The namespace of Services that name none.</param>
    public static StaticServiceCatalog FromDocuments(IEnumerable<ManifestDocument> documents, string defaultNamespace) =>
        new(documents
            .Where(d => d.Kind == "Service" && d.ApiVersion == "v1")
            .Select(d => ServiceEntry.FromService(ReadService(d), defaultNamespace)));

    private static V1Service ReadService(ManifestDocument document)
    {
        try
        {
            return KubernetesYaml.Deserialize<V1Service>(document.Text);
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new ManifestException($"{document.Location}: not a valid Service: {e.InnerException?.Message ?? e.Message}", e);
        }
    }
}
