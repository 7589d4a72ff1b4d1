namespace StackBlaze.Webhook.Core.Catalog;

/// <summary>The kinds the catalog follows in a cluster.</summary>
public enum CatalogKind
{
    Namespaces,
    Services,
    Ingresses,
    ConfigMaps,
}
