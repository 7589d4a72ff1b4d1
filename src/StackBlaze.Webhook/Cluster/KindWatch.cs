using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using StackBlaze.Webhook.Catalog;
using StackBlaze.Webhook.Logging;

namespace StackBlaze.Webhook.Cluster;

/// <summary>
/// List, then watch, one kind across the cluster, as informers do: a dropped watch resumes from
/// the last resourceVersion; 410 Gone (as a status or as an ERROR event) means a fresh list.
/// </summary>
internal sealed class KindWatch<TItem, TList>(
    CatalogKind kind,
    KindWatch<TItem, TList>.ListPage listPage,
    KindWatch<TItem, TList>.WatchFrom watchFrom,
    Action<IReadOnlyCollection<TItem>> replace,
    Action<WatchEventType, TItem> apply,
    LiveProjectCatalog catalog,
    ILogger logger,
    TimeProvider time)
    where TItem : IKubernetesObject<V1ObjectMeta>
    where TList : IItems<TItem>, IMetadata<V1ListMeta>
{
    /// <summary>Pages as big as client-go's informers ask for.</summary>
    public const int PageSize = 500;

    public delegate Task<TList> ListPage(string? continueToken, CancellationToken cancellationToken);

    public delegate IAsyncEnumerable<(WatchEventType Type, TItem Item)> WatchFrom(
        string resourceVersion, int timeoutSeconds, Action<Exception> onError, CancellationToken cancellationToken);

    private readonly TaskCompletionSource _synced = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Where to resume: the last version a list or event gave, kept as events arrive so that a
    // watch that breaks halfway resumes after them; null to list again.
    private string? _resourceVersion;

    /// <summary>Completes when the first full list has been applied.</summary>
    public Task Synced => _synced.Task;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var backoff = Backoff.Default(time);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (_resourceVersion is null)
                {
                    _resourceVersion = await ListAsync(cancellationToken);
                    backoff.Reset();
                }
                var started = time.GetTimestamp();
                var events = await WatchAsync(cancellationToken);
                // A watch the server ends at once, with nothing in it, is not progress: do not spin on it.
                if (events == 0 && time.GetElapsedTime(started) < TimeSpan.FromSeconds(1))
                {
                    await backoff.WaitAsync(cancellationToken);
                }
                else
                {
                    backoff.Reset();
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Gone)
            {
                WebhookLog.WatchExpired(logger, kind);
                _resourceVersion = null;
            }
#pragma warning disable CA1031 // Whatever the API server or the network does, the watch goes on.
            catch (Exception e)
#pragma warning restore CA1031
            {
                WebhookLog.WatchFailed(logger, kind, e.Message);
                await backoff.WaitAsync(cancellationToken);
            }
        }
    }

    private async Task<string> ListAsync(CancellationToken cancellationToken)
    {
        var items = new List<TItem>();
        string? continueToken = null;
        string resourceVersion;
        do
        {
            var page = await listPage(continueToken, cancellationToken);
            items.AddRange(page.Items);
            continueToken = page.Metadata?.ContinueProperty;
            resourceVersion = page.Metadata?.ResourceVersion ?? "";
        }
        while (!string.IsNullOrEmpty(continueToken));

        replace(items);
        catalog.MarkSynced(kind);
        catalog.MarkEvent(kind, time.GetUtcNow());
        _synced.TrySetResult();
        WebhookLog.Listed(logger, kind, items.Count, resourceVersion);
        return resourceVersion;
    }

    /// <summary>Applies events until the server ends the watch; how many came. After 410, forgets the version so the next round lists.</summary>
    private async Task<int> WatchAsync(CancellationToken cancellationToken)
    {
        var gone = false;
        var events = 0;
        // Servers end watches after this long; informers ask for 5 to 10 minutes, spread out.
        var timeoutSeconds = Random.Shared.Next(300, 600);
        var stream = watchFrom(
            _resourceVersion!,
            timeoutSeconds,
            error =>
            {
                if (error is KubernetesException { Status.Code: (int)HttpStatusCode.Gone })
                {
                    gone = true;
                }
                else
                {
                    WebhookLog.WatchFailed(logger, kind, error.Message);
                }
            },
            cancellationToken);
        await foreach (var (type, item) in stream)
        {
            events++;
            catalog.MarkEvent(kind, time.GetUtcNow());
            _resourceVersion = item.Metadata?.ResourceVersion ?? _resourceVersion;
            if (type != WatchEventType.Bookmark)
            {
                apply(type, item);
            }
        }
        if (gone)
        {
            WebhookLog.WatchExpired(logger, kind);
            _resourceVersion = null;
        }
        return events;
    }
}
