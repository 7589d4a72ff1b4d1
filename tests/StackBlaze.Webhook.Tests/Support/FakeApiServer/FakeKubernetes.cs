using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace StackBlaze.Webhook.Tests.Support.FakeApiServer;

/// <summary>
/// A Kubernetes API server for tests: a real Kestrel host on 127.0.0.1 over plain HTTP that speaks
/// the list and watch wire format for namespaces, services, configmaps and ingresses, and lists the
/// workloads and pods of a namespace. The webhook reaches it through KubernetesClient and a
/// kubeconfig, exactly as it reaches a cluster.
/// </summary>
internal sealed class FakeKubernetes : IAsyncDisposable
{
    private readonly ResourceVersionClock _clock = new();
    private readonly ConcurrentDictionary<CancellationTokenSource, byte> _watches = new();
    private readonly Dictionary<string, FakeResource> _resources;
    private WebApplication? _app;
    private int _outage = Up;
    private int _refused;
    private readonly ConcurrentDictionary<string, byte> _cutOff = new();

    private const int Up = -1;

    private FakeKubernetes()
    {
        _resources = ResourceKind.All.ToDictionary(kind => kind.Plural, kind => new FakeResource(kind, _clock));
    }

    public Uri Address { get; private set; } = null!;

    public FakeResource Namespaces => _resources["namespaces"];

    public FakeResource Services => _resources["services"];

    public FakeResource ConfigMaps => _resources["configmaps"];

    public FakeResource Ingresses => _resources["ingresses"];

    public FakeResource NetworkPolicies => _resources["networkpolicies"];

    public FakeResource Leases => _resources["leases"];

    public FakeResource Pods => _resources["pods"];

    public FakeResource ReplicaSets => _resources["replicasets"];

    public FakeResource Deployments => _resources["deployments"];

    /// <summary>The resource of that path segment: <c>deployments</c>.</summary>
    public FakeResource Resource(string plural) => _resources[plural];

    public IEnumerable<FakeResource> Resources => _resources.Values;

    /// <summary>How a watch from a compacted resourceVersion is refused.</summary>
    public GoneForm GoneForm { get; set; } = GoneForm.ErrorEvent;

    /// <summary>The clock of managedFields' times.</summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;

    /// <summary>The cluster's resourceVersion now.</summary>
    public long ResourceVersion => _clock.Current;

    public int OpenWatches => _watches.Count;

    /// <summary>Requests and connections turned away while down.</summary>
    public int Refused => Volatile.Read(ref _refused);

    private Outage? CurrentOutage => Volatile.Read(ref _outage) is var outage && outage == Up ? null : (Outage)outage;

    public static async Task<FakeKubernetes> StartAsync(Outage? downFromTheStart = null)
    {
        var cluster = new FakeKubernetes { _outage = downFromTheStart is { } down ? (int)down : Up };
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
            listen.Use(next => connection =>
            {
                if (cluster.CurrentOutage == Outage.Refuse)
                {
                    Interlocked.Increment(ref cluster._refused);
                    connection.Abort();
                    return Task.CompletedTask;
                }
                return next(connection);
            })));
        var app = builder.Build();
        app.Use(cluster.OutageAsync);
        app.MapGet("/api/v1/namespaces", http => cluster.ServeAsync(http, cluster.Namespaces, null));
        app.MapGet("/api/v1/services", http => cluster.ServeAsync(http, cluster.Services, null));
        app.MapGet("/api/v1/configmaps", http => cluster.ServeAsync(http, cluster.ConfigMaps, null));
        app.MapGet("/apis/networking.k8s.io/v1/ingresses", http => cluster.ServeAsync(http, cluster.Ingresses, null));
        app.MapGet("/apis/networking.k8s.io/v1/networkpolicies", http => cluster.ServeAsync(http, cluster.NetworkPolicies, null));
        app.MapGet("/api/v1/namespaces/{name}", cluster.ServeNamespaceAsync);
        app.MapGet("/api/v1/namespaces/{namespace}/{plural}", http => cluster.ServeNamespacedAsync(http, "v1"));
        app.MapGet("/apis/{group}/{version}/namespaces/{namespace}/{plural}", http =>
            cluster.ServeNamespacedAsync(http, $"{http.Request.RouteValues["group"]}/{http.Request.RouteValues["version"]}"));
        // One object of a group's namespaced resource: what the reconciler writes and the leader election's Lease.
        const string One = "/apis/{group}/{version}/namespaces/{namespace}/{plural}/{name}";
        app.MapGet(One, http => cluster.ServeObjectAsync(http, (resource, ns, name) => ObjectResponder.GetAsync(http, resource, ns, name)));
        app.MapPut(One, http => cluster.ServeObjectAsync(http, (resource, ns, name) => ObjectResponder.UpdateAsync(http, resource, ns, name)));
        app.MapPatch(One, http => cluster.ServeObjectAsync(http, (resource, ns, name) => ObjectResponder.ApplyAsync(http, resource, ns, name, cluster.Time)));
        app.MapDelete(One, http => cluster.ServeObjectAsync(http, (resource, ns, name) => ObjectResponder.DeleteAsync(http, resource, ns, name)));
        app.MapPost("/apis/{group}/{version}/namespaces/{namespace}/{plural}", http =>
            cluster.ServeObjectAsync(http, (resource, ns, _) => ObjectResponder.CreateAsync(http, resource, ns, cluster.Time)));
        await app.StartAsync();
        cluster._app = app;
        cluster.Address = new Uri(app.Urls.Single());
        return cluster;
    }

    /// <summary>Creates or updates an object of a kind the fake serves; returns its new resourceVersion.</summary>
    public long Put(IKubernetesObject<V1ObjectMeta> obj) =>
        ResourceOf(obj).Put(JsonNode.Parse(KubernetesJson.Serialize(obj))!.AsObject());

    public void PutAll(IEnumerable<IKubernetesObject<V1ObjectMeta>> objects)
    {
        foreach (var obj in objects)
        {
            Put(obj);
        }
    }

    /// <summary>Deletes the object of that kind, namespace and name.</summary>
    public bool Delete(IKubernetesObject<V1ObjectMeta> obj) =>
        ResourceOf(obj).Delete(obj.Metadata.NamespaceProperty, obj.Metadata.Name);

    /// <summary>
    /// Adds <paramref name="count"/> objects made on demand when listed (see <see cref="GeneratedObjects"/>):
    /// for clusters too big to hold as objects in a test. <paramref name="namespaceOf"/> says where each
    /// is without making it, for namespaced lists of many objects; by default each is made to ask.
    /// </summary>
    public void Generate<T>(int count, Func<int, T> make, Func<int, string?>? namespaceOf = null)
        where T : IKubernetesObject<V1ObjectMeta>
    {
        var resource = ResourceOf(make(0));
        resource.Generate(version => new GeneratedObjects(
            count,
            index =>
            {
                var obj = make(index);
                obj.ApiVersion = resource.Kind.ApiVersion;
                obj.Kind = resource.Kind.Kind;
                obj.Metadata.ResourceVersion = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return System.Text.Encoding.UTF8.GetBytes(KubernetesJson.Serialize(obj));
            },
            namespaceOf ?? (index => make(index).Metadata.NamespaceProperty)));
    }

    /// <summary>Breaks every open watch connection, as a network failure or an API server restart does.</summary>
    public void DropWatches()
    {
        foreach (var watch in _watches.Keys)
        {
            try
            {
                watch.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The watch ended on its own between the listing and the cancel: it is dropped already.
            }
        }
    }

    /// <summary>Forgets the history of every resource: watches from before now get 410 Gone.</summary>
    public void CompactHistory()
    {
        foreach (var resource in _resources.Values)
        {
            resource.Compact();
        }
    }

    /// <summary>Sends a BOOKMARK with the current resourceVersion on every watch that asked for bookmarks.</summary>
    public void SendBookmarks()
    {
        foreach (var resource in _resources.Values)
        {
            resource.Bookmark();
        }
    }

    /// <summary>Stops answering; open watches are dropped.</summary>
    public void GoDown(Outage outage)
    {
        Volatile.Write(ref _outage, (int)outage);
        DropWatches();
    }

    public void ComeBack() => Volatile.Write(ref _outage, Up);

    /// <summary>Answers every request with that bearer token 503 from now on: one client cut off, as a partitioned node is.</summary>
    public void CutOff(string token) => _cutOff[token] = 0;

    /// <summary>
    /// A kubeconfig whose only cluster is this server, as <c>kubectl</c> would read it; its user's
    /// <paramref name="token"/> names who wrote in <see cref="FakeResource.Writes"/>.
    /// </summary>
    public string WriteKubeconfig(string folder, string token = "fake-token")
    {
        var path = Path.Combine(folder, "kubeconfig");
        File.WriteAllText(path, $"""
            apiVersion: v1
            kind: Config
            clusters:
              - name: fake
                cluster:
                  server: {Address.GetLeftPart(UriPartial.Authority)}
            users:
              - name: tester
                user:
                  token: {token}
            contexts:
              - name: fake
                context:
                  cluster: fake
                  user: tester
            current-context: fake

            """);
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        DropWatches();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    internal CancellationTokenSource RegisterWatch()
    {
        var watch = new DroppableWatch(this);
        _watches[watch] = 0;
        return watch;
    }

    private Task ServeAsync(HttpContext http, FakeResource resource, string? ns)
    {
        if (resource.Forbidden)
        {
            return Forbid(http, "list", resource, ns);
        }
        var query = http.Request.Query;
        if (query["watch"] is var watch && (watch == "true" || watch == "1"))
        {
            return WatchResponder.ServeAsync(http, resource, ns, this);
        }
        resource.NoteListLimit(query["limit"].ToString());
        if (resource.ContinueTokensExpire && query["continue"].ToString().Length > 0)
        {
            return ApiStatus.WriteAsync(http, ApiStatus.Failure(410, "Expired",
                "The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter."));
        }
        return ListResponder.ServeAsync(http, resource, ns);
    }

    /// <summary><c>GET /api/v1/namespaces/NAME</c>: one Namespace, or 404 as the API server says it.</summary>
    private async Task ServeNamespaceAsync(HttpContext http)
    {
        var name = (string)http.Request.RouteValues["name"]!;
        if (Namespaces.Forbidden)
        {
            await Forbid(http, "get", Namespaces, null);
            return;
        }
        if (Namespaces.Get(null, name) is not { } json)
        {
            await ApiStatus.WriteAsync(http, ApiStatus.Failure(404, "NotFound", $"namespaces \"{name}\" not found"));
            return;
        }
        http.Response.ContentType = "application/json";
        await http.Response.Body.WriteAsync(json, http.RequestAborted);
    }

    /// <summary><c>GET /api/v1/namespaces/NS/pods</c>, <c>/apis/apps/v1/namespaces/NS/deployments</c>...: the list of one namespace.</summary>
    private Task ServeNamespacedAsync(HttpContext http, string apiVersion) =>
        NamespacedResource(http, apiVersion) is { } resource
            ? ServeAsync(http, resource, (string)http.Request.RouteValues["namespace"]!)
            : ApiStatus.WriteAsync(http, UnknownResource);

    /// <summary>One object of a namespaced resource of a group, or its creation (no name).</summary>
    private Task ServeObjectAsync(HttpContext http, Func<FakeResource, string, string, Task> serve)
    {
        var route = http.Request.RouteValues;
        if (NamespacedResource(http, $"{route["group"]}/{route["version"]}") is not { } resource)
        {
            return ApiStatus.WriteAsync(http, UnknownResource);
        }
        var verb = http.Request.Method switch { "GET" => "get", "PUT" => "update", "PATCH" => "patch", "DELETE" => "delete", _ => "create" };
        return resource.Forbidden
            ? Forbid(http, verb, resource, (string)route["namespace"]!)
            : serve(resource, (string)route["namespace"]!, route["name"] as string ?? "");
    }

    private static JsonObject UnknownResource => ApiStatus.Failure(404, "NotFound", "the server could not find the requested resource");

    private FakeResource? NamespacedResource(HttpContext http, string apiVersion) =>
        _resources.TryGetValue((string)http.Request.RouteValues["plural"]!, out var resource) && resource.Kind.ApiVersion == apiVersion && resource.Kind.Namespaced
            ? resource
            : null;

    // The message the API server's RBAC authorizer writes.
    private static Task Forbid(HttpContext http, string verb, FakeResource resource, string? ns)
    {
        var group = resource.Kind.ApiVersion.Contains('/', StringComparison.Ordinal) ? resource.Kind.ApiVersion.Split('/')[0] : "";
        var where = ns is null ? "at the cluster scope" : $"in the namespace \"{ns}\"";
        return ApiStatus.WriteAsync(http, ApiStatus.Failure(403, "Forbidden",
            $"{resource.Kind.Plural} is forbidden: User \"tester\" cannot {verb} resource \"{resource.Kind.Plural}\" in API group \"{group}\" {where}"));
    }

    private async Task OutageAsync(HttpContext http, Func<Task> next)
    {
        if (_cutOff.ContainsKey(http.Request.Headers.Authorization.ToString().Replace("Bearer ", "", StringComparison.Ordinal)))
        {
            await ApiStatus.WriteAsync(http, ApiStatus.Failure(503, "ServiceUnavailable", "the fake API server does not answer this client"));
            return;
        }
        if (CurrentOutage is not null)
        {
            Interlocked.Increment(ref _refused);
        }
        switch (CurrentOutage)
        {
            case Outage.Refuse:
                http.Abort();
                return;
            case Outage.ServiceUnavailable:
                await ApiStatus.WriteAsync(http, ApiStatus.Failure(503, "ServiceUnavailable", "the fake API server is down"));
                return;
            default:
                await next();
                return;
        }
    }

    private FakeResource ResourceOf(IKubernetesObject<V1ObjectMeta> obj) => obj switch
    {
        V1Namespace => Namespaces,
        V1Service => Services,
        V1ConfigMap => ConfigMaps,
        V1Ingress => Ingresses,
        V1NetworkPolicy => NetworkPolicies,
        V1Lease => Leases,
        V1Pod => Pods,
        V1ReplicationController => _resources["replicationcontrollers"],
        V1Deployment => Deployments,
        V1StatefulSet => _resources["statefulsets"],
        V1DaemonSet => _resources["daemonsets"],
        V1ReplicaSet => ReplicaSets,
        V1Job => _resources["jobs"],
        V1CronJob => _resources["cronjobs"],
        _ => throw new ArgumentException($"the fake API server does not serve {obj.GetType().Name}", nameof(obj)),
    };

    /// <summary>A watch's drop switch, forgotten when the watch ends.</summary>
    private sealed class DroppableWatch(FakeKubernetes cluster) : CancellationTokenSource
    {
        protected override void Dispose(bool disposing)
        {
            cluster._watches.TryRemove(this, out _);
            base.Dispose(disposing);
        }
    }
}
