using k8s;
using k8s.Models;
using StackBlaze.Webhook.Core.Catalog;
using StackBlaze.Webhook.Logging;
using StackBlaze.Webhook.Observability;

namespace StackBlaze.Webhook.Cluster;

/// <summary>
/// Keeps the live catalog in step with the cluster: Namespaces, Services, Ingresses and
/// ConfigMaps, listed then watched cluster-wide. Admission reads the catalog and never waits on this.
/// </summary>
internal sealed class ClusterCatalogSync(
    Kubernetes client, LiveProjectCatalog catalog, WatchTimings timings, WebhookMetrics metrics, ILogger<ClusterCatalogSync> logger, TimeProvider time)
    : BackgroundService
{
    /// <summary>Pages as big as client-go's informers ask for: a few hundred KB of lean objects.</summary>
    public const int PageSize = 500;

    /// <summary>
    /// A ConfigMap may be 1 MiB, and a page of them is held whole while it is read: 25 of them
    /// fit beside the catalog in the heap the Deployment gives.
    /// </summary>
    public const int ConfigMapPageSize = 25;

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // One row per kind: how it is listed and watched, what of an object the catalog keeps, how it leaves.
        var namespaces = Watch<V1Namespace, V1NamespaceList, NamespaceEntry>(
            CatalogKind.Namespaces, PageSize, "api/v1/namespaces",
            (token, limit, ct) => client.CoreV1.ListNamespaceAsync(continueParameter: token, limit: limit, cancellationToken: ct),
            NamespaceEntry.FromNamespace, catalog.Replace, catalog.Upsert, (_, name) => catalog.DeleteNamespace(name));
        // Outside projects nothing of a ConfigMap is kept, not even while the list is read.
        var configMaps = Watch<V1ConfigMap, V1ConfigMapList, ConfigMapEntry>(
            CatalogKind.ConfigMaps, ConfigMapPageSize, "api/v1/configmaps",
            (token, limit, ct) => client.CoreV1.ListConfigMapForAllNamespacesAsync(continueParameter: token, limit: limit, cancellationToken: ct),
            c => catalog.FindNamespace(c.Metadata.NamespaceProperty)?.IsProject == true ? ConfigMapEntry.FromConfigMap(c, "") : null,
            catalog.Replace, catalog.Upsert, catalog.DeleteConfigMap);
        IKindWatch[] watches =
        [
            namespaces,
            Watch<V1Service, V1ServiceList, ServiceEntry>(
                CatalogKind.Services, PageSize, "api/v1/services",
                (token, limit, ct) => client.CoreV1.ListServiceForAllNamespacesAsync(continueParameter: token, limit: limit, cancellationToken: ct),
                s => ServiceEntry.FromService(s, ""), catalog.Replace, catalog.Upsert, catalog.DeleteService),
            Watch<V1Ingress, V1IngressList, IngressEntry>(
                CatalogKind.Ingresses, PageSize, "apis/networking.k8s.io/v1/ingresses",
                (token, limit, ct) => client.NetworkingV1.ListIngressForAllNamespacesAsync(continueParameter: token, limit: limit, cancellationToken: ct),
                i => IngressEntry.FromIngress(i, ""), catalog.Replace, catalog.Upsert, catalog.DeleteIngress),
            configMaps,
        ];

        // ConfigMaps outside projects are not kept, so a new project's must be listed. A list of the
        // whole kind in the watch's turn, not of the namespace beside it: a list that came back after
        // newer events would bring back what they changed or deleted.
        catalog.ProjectAppeared += ns =>
        {
            if (catalog.HasSynced(CatalogKind.ConfigMaps))
            {
                WebhookLog.ProjectAppeared(logger, ns);
                configMaps.Relist();
            }
        };
        // ConfigMap data is kept for projects only, so which namespaces are projects must be known first.
        return Task.WhenAll(watches.Select(watch => watch == configMaps
            ? RunAfterAsync(namespaces.Synced, watch, stoppingToken)
            : watch.RunAsync(stoppingToken)));
    }

    private KindWatch<TItem, TList, TEntry> Watch<TItem, TList, TEntry>(
        CatalogKind kind,
        int pageSize,
        string watchPath,
        KindWatch<TItem, TList, TEntry>.ListPage list,
        Func<TItem, TEntry?> keep,
        Action<IReadOnlyCollection<TEntry>> replace,
        Action<TEntry> upsert,
        Action<string, string> delete)
        where TItem : IKubernetesObject<V1ObjectMeta>
        where TList : IItems<TItem>, IMetadata<V1ListMeta>
        where TEntry : class =>
        new(kind, pageSize, list, watchPath, keep, replace, upsert, delete, client, catalog, timings, metrics, logger, time);

    private static async Task RunAfterAsync(Task first, IKindWatch then, CancellationToken cancellationToken)
    {
        await first.WaitAsync(cancellationToken);
        await then.RunAsync(cancellationToken);
    }
}
