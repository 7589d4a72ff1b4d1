using System.Text;
using System.Text.Json.Nodes;
using k8s;
using StackBlaze.Webhook.Core.Catalog;
using StackBlaze.Webhook.Core.Manifests;

namespace StackBlaze.Webhook.Core.NetworkPolicies;

/// <summary>
/// The policies the reconciler would keep, for manifests: what a GitOps repository commits in its
/// place. Whether a namespace opted in is the repository's choice, made by committing them.
/// </summary>
public static class ManifestLinkPolicies
{
    /// <summary>YAML documents, each after <c>---</c>: a policy for each Service of <paramref name="documents"/>.</summary>
    /// <param name="documents">The manifests whose Services get policies.</param>
    /// <param name="catalog">Manifests from elsewhere whose Ingresses make a Service public, as do those of <paramref name="documents"/>.</param>
    /// <param name="defaultNamespace">The namespace of objects that name none.</param>
    /// <param name="options">Who else the policies admit.</param>
    public static string Write(
        IReadOnlyList<ManifestDocument> documents, IReadOnlyList<ManifestDocument> catalog, string defaultNamespace, LinkPolicyOptions options)
    {
        var ingresses = ManifestCatalog.Ingresses(catalog.Concat(documents), defaultNamespace).ToLookup(i => i.Namespace, StringComparer.Ordinal);
        var yaml = new StringBuilder();
        // The last definition of a Service wins, as it would with kubectl apply.
        foreach (var project in ManifestCatalog.Services(documents, defaultNamespace)
            .GroupBy(s => s.Namespace, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var services = project.GroupBy(s => s.Name, StringComparer.Ordinal).Select(g => g.Last()).ToArray();
            foreach (var policy in LinkPolicies.For(new ProjectNetwork(project.Key, services, [.. ingresses[project.Key]]), options))
            {
                yaml.Append("---\n").Append(JsonToYaml.Write(JsonNode.Parse(KubernetesJson.Serialize(policy))));
            }
        }
        return yaml.ToString();
    }
}
