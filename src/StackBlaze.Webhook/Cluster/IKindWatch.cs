using StackBlaze.Webhook.Core.Catalog;

namespace StackBlaze.Webhook.Cluster;

/// <summary>A watch of one kind, whatever its objects' type: what the catalog's sync runs and orders.</summary>
internal interface IKindWatch
{
    CatalogKind Kind { get; }

    /// <summary>Completes when the first full list has been applied.</summary>
    Task Synced { get; }

    /// <summary>Lists the kind again, in the watch's own turn.</summary>
    void Relist();

    Task RunAsync(CancellationToken cancellationToken);
}
