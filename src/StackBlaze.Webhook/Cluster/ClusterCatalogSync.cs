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
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var namespaces = Watch<V1Namespace, V1NamespaceList, NamespaceEntry>(
            CatalogKind.Namespaces,
            PageSize,
            (token, limit, ct) => client.CoreV1.ListNamespaceAsync(continueParameter: token, limit: limit, cancellationToken: ct),
            (rv, timeout, onError, ct) => WatchStream.ReadAsync<V1Namespace>(client, "api/v1/namespaces", rv, timeout, onError, ct),
            NamespaceEntry.FromNamespace,
            catalog.Replace,
            (type, item) => Apply(type, item.Metadata.Name, () => catalog.Upsert(NamespaceEntry.FromNamespace(item)), () => catalog.DeleteNamespace(item.Metadata.Name)));
        var services = Watch<V1Service, V1ServiceList, ServiceEntry>(
            CatalogKind.Services,
            PageSize,
            (token, limit, ct) => client.CoreV1.ListServiceForAllNamespacesAsync(continueParameter: token, limit: limit, cancellationToken: ct),
            (rv, timeout, onError, ct) => WatchStream.ReadAsync<V1Service>(client, "api/v1/services", rv, timeout, onError, ct),
            s => ServiceEntry.FromService(s, ""),
            catalog.Replace,
            (type, item) => Apply(type, item.Metadata.Name,
                () => catalog.Upsert(ServiceEntry.FromService(item, "")), () => catalog.DeleteService(item.Metadata.NamespaceProperty, item.Metadata.Name)));
        var ingresses = Watch<V1Ingress, V1IngressList, IngressEntry>(
            CatalogKind.Ingresses,
            PageSize,
            (token, limit, ct) => client.NetworkingV1.ListIngressForAllNamespacesAsync(continueParameter: token, limit: limit, cancellationToken: ct),
            (rv, timeout, onError, ct) => WatchStream.ReadAsync<V1Ingress>(client, "apis/networking.k8s.io/v1/ingresses", rv, timeout, onError, ct),
            i => IngressEntry.FromIngress(i, ""),
            catalog.Replace,
            (type, item) => Apply(type, item.Metadata.Name,
                () => catalog.Upsert(IngressEntry.FromIngress(item, "")), () => catalog.DeleteIngress(item.Metadata.NamespaceProperty, item.Metadata.Name)));
        var configMaps = Watch<V1ConfigMap, V1ConfigMapList, ConfigMapEntry>(
            CatalogKind.ConfigMaps,
            ConfigMapPageSize,
            (token, limit, ct) => client.CoreV1.ListConfigMapForAllNamespacesAsync(continueParameter: token, limit: limit, cancellationToken: ct),
            (rv, timeout, onError, ct) => WatchStream.ReadAsync<V1ConfigMap>(client, "api/v1/configmaps", rv, timeout, onError, ct),
            // Outside projects nothing of a ConfigMap is kept, not even while the list is read.
            c => catalog.FindNamespace(c.Metadata.NamespaceProperty)?.IsProject == true ? ConfigMapEntry.FromConfigMap(c, "") : null,
            catalog.Replace,
            (type, item) => Apply(type, item.Metadata.Name,
                () => catalog.Upsert(ConfigMapEntry.FromConfigMap(item, "")), () => catalog.DeleteConfigMap(item.Metadata.NamespaceProperty, item.Metadata.Name)));

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
        return Task.WhenAll(
            namespaces.RunAsync(stoppingToken),
            services.RunAsync(stoppingToken),
            ingresses.RunAsync(stoppingToken),
            // ConfigMap data is kept for projects only, so which namespaces are projects must be known first.
            RunAfterAsync(namespaces.Synced, configMaps, stoppingToken));
    }

    /// <summary>Pages as big as client-go's informers ask for: a few hundred KB of lean objects.</summary>
    private const int PageSize = 500;

    /// <summary>
    /// A ConfigMap may be 1 MiB, and a page of them is held whole while it is read: 25 of them
    /// fit beside the catalog in the heap the Deployment gives.
    /// </summary>
    private const int ConfigMapPageSize = 25;

    private KindWatch<TItem, TList, TEntry> Watch<TItem, TList, TEntry>(
        CatalogKind kind,
        int pageSize,
        KindWatch<TItem, TList, TEntry>.ListPage list,
        KindWatch<TItem, TList, TEntry>.WatchFrom watch,
        Func<TItem, TEntry?> project,
        Action<IReadOnlyCollection<TEntry>> replace,
        Action<WatchEventType, TItem> apply)
        where TItem : IKubernetesObject<V1ObjectMeta>
        where TList : IItems<TItem>, IMetadata<V1ListMeta>
        where TEntry : class =>
        new(kind, pageSize, list, watch, project, replace, apply, catalog, timings, metrics, logger, time);

    private static void Apply(WatchEventType type, string? name, Action upsert, Action delete)
    {
        if (name is null)
        {
            return;
        }
        if (type == WatchEventType.Deleted)
        {
            delete();
        }
        else
        {
            upsert();
        }
    }

    private static async Task RunAfterAsync(Task first, KindWatch<V1ConfigMap, V1ConfigMapList, ConfigMapEntry> then, CancellationToken cancellationToken)
    {
        await first.WaitAsync(cancellationToken);
        await then.RunAsync(cancellationToken);
    }
}
