using StackBlaze.Webhook.Core.Catalog;
using StackBlaze.Webhook.Core.Manifests;

namespace StackBlaze.Webhook.CommandLine;

/// <summary>The manifests an offline command works on, the catalog they resolve against, and the namespace of those that name none.</summary>
internal sealed record ManifestInput(IReadOnlyList<ManifestDocument> Documents, IProjectCatalog Catalog, string DefaultNamespace)
{
    /// <summary>The manifests of <c>--catalog</c>, already part of <see cref="Catalog"/>.</summary>
    public IReadOnlyList<ManifestDocument> CatalogDocuments { get; init; } = [];
}
