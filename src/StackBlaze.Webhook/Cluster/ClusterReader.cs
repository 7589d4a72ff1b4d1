using System.Net;
using System.Text;
using System.Text.Json;
using k8s;
using k8s.Autorest;
using k8s.Models;
using StackBlaze.Webhook.Core.Catalog;
using StackBlaze.Webhook.Core.Conventions;
using StackBlaze.Webhook.Core.Explanation;
using StackBlaze.Webhook.Core.Limits;
using StackBlaze.Webhook.Core.Manifests;

namespace StackBlaze.Webhook.Cluster;

/// <summary>
/// Reads project namespaces of a cluster as <c>check</c> reads manifests: their Services,
/// Ingresses and ConfigMaps for the catalog, and the workloads, pods and ConfigMaps the validating
/// webhook checks, every list a page at a time, within the budget of the files' limits. Only
/// <c>get</c>/<c>list</c> requests, never a Secret. One reader per read: it gathers as it goes.
/// </summary>
/// <remarks>
/// An object whose controller (its owner reference marked <c>controller</c>) is a workload read
/// here is left out, as the webhook leaves out what controllers make: its template was checked in
/// the owner. Owners are listed before what they own (CronJobs before Jobs, Deployments before
/// ReplicaSets, every workload before Pods), so a ReplicaSet's thousands of pods are dropped page by
/// page and only their owners' ids are kept.
/// </remarks>
internal sealed class ClusterReader(Kubernetes client)
{
    private readonly ReadBudget _budget = new();
    private readonly List<ManifestDocument> _documents = [];
    private readonly List<ServiceEntry> _services = [];
    private readonly List<IngressEntry> _ingresses = [];
    private readonly List<ConfigMapEntry> _configMaps = [];

    // The uids of the current namespace's workloads: what they control is checked through them.
    private readonly HashSet<string> _owners = new(StringComparer.Ordinal);

    private delegate Task<TList> ListPage<TList>(string? continueToken, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// The namespace <paramref name="namespaceName"/>, which must be a project; or every project when it is null.
    /// With <paramref name="podsOf"/>, also the running pods of that object: what <c>explain</c> compares with what they would get now.
    /// </summary>
    public async Task<ClusterSnapshot> ReadAsync(string? namespaceName, CancellationToken cancellationToken, ExplainTarget? podsOf = null)
    {
        IReadOnlyList<NamespaceEntry> projects = namespaceName is null
            ? await ListProjectsAsync(cancellationToken)
            : [await ReadProjectAsync(namespaceName, cancellationToken)];
        foreach (var project in projects)
        {
            await ReadNamespaceAsync(project.Name, cancellationToken);
        }
        var running = podsOf is not null && _documents.FirstOrDefault(podsOf.Matches) is { } target
            ? await ReadPodsOfAsync(target, cancellationToken)
            : [];
        return new ClusterSnapshot(projects, _documents, _services, _ingresses, _configMaps) { RunningPods = running };
    }

    /// <summary>The pod itself, or the pods its workload's selector matches (its matchLabels, as <c>kubectl get pods -l</c>).</summary>
    private async Task<IReadOnlyList<ManifestDocument>> ReadPodsOfAsync(ManifestDocument target, CancellationToken cancellationToken)
    {
        if (target.Kind == "Pod")
        {
            return [target];
        }
        var selector = target.Body.TryGetProperty("spec", out var spec) && spec.ValueKind == JsonValueKind.Object
            && spec.TryGetProperty("selector", out var labels) && labels.ValueKind == JsonValueKind.Object
            ? labels.TryGetProperty("matchLabels", out var matchLabels) && matchLabels.ValueKind == JsonValueKind.Object ? matchLabels : labels
            : default;
        if (selector.ValueKind != JsonValueKind.Object)
        {
            // A CronJob's pods belong to its Jobs, which are explained on their own.
            return [];
        }
        var labelSelector = string.Join(',', selector.EnumerateObject().Select(label => $"{label.Name}={label.Value.GetString()}"));
        // Every object read from a namespace names it.
        var ns = target.Namespace!;
        var pods = new List<ManifestDocument>();
        await EachAsync<V1Pod, V1PodList>(
            $"list pods in {ns}", ClusterCatalogSync.PageSize,
            (token, limit, ct) => client.CoreV1.ListNamespacedPodAsync(ns, continueParameter: token, labelSelector: labelSelector, limit: limit, cancellationToken: ct),
            pod => pods.Add(ToDocument(ns, "v1", "Pod", pod)), cancellationToken);
        return pods;
    }

    private async Task<NamespaceEntry> ReadProjectAsync(string name, CancellationToken cancellationToken)
    {
        V1Namespace found;
        try
        {
            found = await CallAsync($"get namespace {name}", () => client.CoreV1.ReadNamespaceAsync(name, cancellationToken: cancellationToken), cancellationToken);
        }
        catch (ClusterException e) when (e.InnerException is HttpOperationException { Response.StatusCode: HttpStatusCode.NotFound })
        {
            throw new ClusterException($"namespace {name} not found", e);
        }
        var entry = NamespaceEntry.FromNamespace(found);
        return entry.IsProject
            ? entry
            : throw new ClusterException($"namespace {name} is not a StackBlaze project (it has no {StackBlazeLabels.Project} label): the webhook checks nothing in it");
    }

    // Selected by the API server, so namespaces that are not projects are never read at all.
    private async Task<IReadOnlyList<NamespaceEntry>> ListProjectsAsync(CancellationToken cancellationToken)
    {
        var projects = new List<NamespaceEntry>();
        await EachAsync<V1Namespace, V1NamespaceList>(
            "list namespaces", ClusterCatalogSync.PageSize,
            (token, limit, ct) => client.CoreV1.ListNamespaceAsync(continueParameter: token, labelSelector: StackBlazeLabels.Project, limit: limit, cancellationToken: ct),
            ns => projects.Add(NamespaceEntry.FromNamespace(ns)), cancellationToken);
        return projects;
    }

    private async Task ReadNamespaceAsync(string ns, CancellationToken cancellationToken)
    {
        const int Page = ClusterCatalogSync.PageSize;
        _owners.Clear();
        await EachAsync<V1Service, V1ServiceList>(
            $"list services in {ns}", Page,
            (token, limit, ct) => client.CoreV1.ListNamespacedServiceAsync(ns, continueParameter: token, limit: limit, cancellationToken: ct),
            s => _services.Add(ServiceEntry.FromService(s, ns)), cancellationToken);
        await EachAsync<V1Ingress, V1IngressList>(
            $"list ingresses.networking.k8s.io in {ns}", Page,
            (token, limit, ct) => client.NetworkingV1.ListNamespacedIngressAsync(ns, continueParameter: token, limit: limit, cancellationToken: ct),
            i => _ingresses.Add(IngressEntry.FromIngress(i, ns)), cancellationToken);
        await EachAsync<V1ConfigMap, V1ConfigMapList>(
            $"list configmaps in {ns}", ClusterCatalogSync.ConfigMapPageSize,
            (token, limit, ct) => client.CoreV1.ListNamespacedConfigMapAsync(ns, continueParameter: token, limit: limit, cancellationToken: ct),
            c =>
            {
                _configMaps.Add(ConfigMapEntry.FromConfigMap(c, ns));
                Keep(ns, "v1", "ConfigMap", c, isOwner: false);
            },
            cancellationToken);

        // Owners first: see the remarks.
        await EachAsync<V1CronJob, V1CronJobList>(
            $"list cronjobs.batch in {ns}", Page,
            (token, limit, ct) => client.BatchV1.ListNamespacedCronJobAsync(ns, continueParameter: token, limit: limit, cancellationToken: ct),
            w => Keep(ns, "batch/v1", "CronJob", w, isOwner: true), cancellationToken);
        await EachAsync<V1Deployment, V1DeploymentList>(
            $"list deployments.apps in {ns}", Page,
            (token, limit, ct) => client.AppsV1.ListNamespacedDeploymentAsync(ns, continueParameter: token, limit: limit, cancellationToken: ct),
            w => Keep(ns, "apps/v1", "Deployment", w, isOwner: true), cancellationToken);
        await EachAsync<V1StatefulSet, V1StatefulSetList>(
            $"list statefulsets.apps in {ns}", Page,
            (token, limit, ct) => client.AppsV1.ListNamespacedStatefulSetAsync(ns, continueParameter: token, limit: limit, cancellationToken: ct),
            w => Keep(ns, "apps/v1", "StatefulSet", w, isOwner: true), cancellationToken);
        await EachAsync<V1DaemonSet, V1DaemonSetList>(
            $"list daemonsets.apps in {ns}", Page,
            (token, limit, ct) => client.AppsV1.ListNamespacedDaemonSetAsync(ns, continueParameter: token, limit: limit, cancellationToken: ct),
            w => Keep(ns, "apps/v1", "DaemonSet", w, isOwner: true), cancellationToken);
        await EachAsync<V1ReplicationController, V1ReplicationControllerList>(
            $"list replicationcontrollers in {ns}", Page,
            (token, limit, ct) => client.CoreV1.ListNamespacedReplicationControllerAsync(ns, continueParameter: token, limit: limit, cancellationToken: ct),
            w => Keep(ns, "v1", "ReplicationController", w, isOwner: true), cancellationToken);
        await EachAsync<V1Job, V1JobList>(
            $"list jobs.batch in {ns}", Page,
            (token, limit, ct) => client.BatchV1.ListNamespacedJobAsync(ns, continueParameter: token, limit: limit, cancellationToken: ct),
            w => Keep(ns, "batch/v1", "Job", w, isOwner: true), cancellationToken);
        await EachAsync<V1ReplicaSet, V1ReplicaSetList>(
            $"list replicasets.apps in {ns}", Page,
            (token, limit, ct) => client.AppsV1.ListNamespacedReplicaSetAsync(ns, continueParameter: token, limit: limit, cancellationToken: ct),
            w => Keep(ns, "apps/v1", "ReplicaSet", w, isOwner: true), cancellationToken);
        await EachAsync<V1Pod, V1PodList>(
            $"list pods in {ns}", Page,
            (token, limit, ct) => client.CoreV1.ListNamespacedPodAsync(ns, continueParameter: token, limit: limit, cancellationToken: ct),
            p => Keep(ns, "v1", "Pod", p, isOwner: false), cancellationToken);
    }

    /// <summary>Keeps the object as a document to check, unless a workload read before controls it.</summary>
    private void Keep(string ns, string apiVersion, string kind, IKubernetesObject<V1ObjectMeta> item, bool isOwner)
    {
        if (isOwner && item.Metadata.Uid is { } uid)
        {
            _owners.Add(uid);
        }
        if (item.Metadata.OwnerReferences?.FirstOrDefault(o => o.Controller == true) is { Uid: { } ownerUid } && _owners.Contains(ownerUid))
        {
            return;
        }
        _documents.Add(ToDocument(ns, apiVersion, kind, item));
    }

    /// <summary>The object as the checker reads a manifest, counted against the file limits.</summary>
    private ManifestDocument ToDocument(string ns, string apiVersion, string kind, IKubernetesObject<V1ObjectMeta> item)
    {
        // Lists leave kind and apiVersion out of their items; the checker reads them.
        item.ApiVersion = apiVersion;
        item.Kind = kind;
        // The server's bookkeeping of who set which field: often a third of the object, and nothing the check reads.
        item.Metadata.ManagedFields = null;
        var json = KubernetesJson.Serialize(item);
        var source = $"namespace/{ns}";
        _budget.TakeObject(source, Encoding.UTF8.GetByteCount(json));
        using var parsed = JsonDocument.Parse(json);
        return new ManifestDocument(source, 1, parsed.RootElement.Clone(), "");
    }

    /// <summary>Every object of a list, a page at a time; <paramref name="what"/> names the request in errors.</summary>
    private static async Task EachAsync<TItem, TList>(
        string what, int pageSize, ListPage<TList> list, Action<TItem> take, CancellationToken cancellationToken)
        where TItem : IKubernetesObject<V1ObjectMeta>
        where TList : IItems<TItem>, IMetadata<V1ListMeta>
    {
        string? continueToken = null;
        do
        {
            var page = await CallAsync(what, () => list(continueToken, pageSize, cancellationToken), cancellationToken);
            foreach (var item in page.Items)
            {
                take(item);
            }
            continueToken = page.Metadata?.ContinueProperty;
        }
        while (!string.IsNullOrEmpty(continueToken));
    }

    /// <summary>The request's answer, or a <see cref="ClusterException"/> that says in one line what the API server or the network did.</summary>
    private static async Task<T> CallAsync<T>(string what, Func<Task<T>> request, CancellationToken cancellationToken)
    {
        try
        {
            return await request();
        }
        catch (HttpOperationException e)
        {
            throw new ClusterException($"{what}: {(int)e.Response.StatusCode} {e.Response.StatusCode}: {(ApiFailure.StatusMessage(e) is { } message ? BoundedText.Warning(message) : "no message")}", e);
        }
        catch (Exception e) when (ApiFailure.IsNetwork(e))
        {
            throw new ClusterException($"{what}: cannot reach the API server: {e.Message}", e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ClusterException($"{what}: the API server did not answer in time", e);
        }
    }
}
