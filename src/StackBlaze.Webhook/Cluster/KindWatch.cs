using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using StackBlaze.Webhook.Core.Catalog;
using StackBlaze.Webhook.Logging;
using StackBlaze.Webhook.Observability;

namespace StackBlaze.Webhook.Cluster;

/// <summary>
/// List, then watch, one kind across the cluster, as informers do: a dropped watch resumes from
/// the last resourceVersion; 410 Gone (as a status or as an ERROR event) means a fresh list, after
/// a backoff like every other failure, so a server that keeps answering 410 is not hammered; a
/// watch silent past <see cref="WatchTimings.SilenceDeadline"/> is replaced.
/// </summary>
/// <remarks>
/// A list is read a page at a time, each page cut down to the catalog's entries as it arrives:
/// the full objects of a page are the most a list ever holds, so a big cluster lists in the memory
/// of one page, not of all its objects.
/// </remarks>
internal sealed class KindWatch<TItem, TList, TEntry>(
    CatalogKind kind,
    int pageSize,
    KindWatch<TItem, TList, TEntry>.ListPage listPage,
    string watchPath,
    Func<TItem, TEntry?> keep,
    Action<IReadOnlyCollection<TEntry>> replace,
    Action<TEntry> upsert,
    Action<string, string> delete,
    Kubernetes client,
    LiveProjectCatalog catalog,
    WatchTimings timings,
    WebhookMetrics metrics,
    ILogger logger,
    TimeProvider time)
    : IKindWatch
    where TItem : IKubernetesObject<V1ObjectMeta>
    where TList : IItems<TItem>, IMetadata<V1ListMeta>
    where TEntry : class
{
    /// <param name="continueToken">Where the previous page ended; null for the first.</param>
    /// <param name="limit">Objects per page; null for the whole list in one answer.</param>
    /// <param name="cancellationToken">Ends the request.</param>
    public delegate Task<TList> ListPage(string? continueToken, int? limit, CancellationToken cancellationToken);

    private readonly TaskCompletionSource _synced = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Where to resume: the last version a list or event gave, kept as events arrive so that a
    // watch that breaks halfway resumes after them; null to list again.
    private string? _resourceVersion;

    // A list asked for from outside, and the watch to end for it.
    private volatile bool _relistAsked;
    private CancellationTokenSource? _watching;

    public Task Synced => _synced.Task;

    public void Relist()
    {
        _relistAsked = true;
        try
        {
            Volatile.Read(ref _watching)?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // That watch ended on its own; the next round sees the request.
        }
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var backoff = Backoff.Default(time);
        // Failures in a row: the count goes into the log, so a failure that repeats is seen as one.
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            string? failure;
            try
            {
                if (_relistAsked)
                {
                    _relistAsked = false;
                    _resourceVersion = null;
                }
                _resourceVersion ??= await ListAsync(cancellationToken);
                var started = time.GetTimestamp();
                var (events, error) = await WatchAsync(cancellationToken);
                // A watch the server ends at once, with nothing in it, is not progress: do not spin on it.
                failure = error
                    ?? (events == 0 && time.GetElapsedTime(started) < TimeSpan.FromSeconds(1) ? "the watch ended at once, empty" : null);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Gone)
            {
                _resourceVersion = null;
                failure = Gone;
            }
#pragma warning disable CA1031 // Whatever the API server or the network does, the watch goes on.
            catch (Exception e)
#pragma warning restore CA1031
            {
                failure = e.Message;
            }

            if (failure is null)
            {
                failures = 0;
                backoff.Reset();
                continue;
            }
            Restarted(failure == Gone ? "gone" : "failed");
            failures++;
            WebhookLog.WatchFailed(logger, kind, failures, failure);
            await backoff.WaitAsync(cancellationToken);
        }
    }

    private async Task<string> ListAsync(CancellationToken cancellationToken)
    {
        List<TEntry> entries;
        string resourceVersion;
        try
        {
            (entries, resourceVersion) = await ListPagesAsync(pageSize, cancellationToken);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Gone)
        {
            // The continue token expired between pages (a slow server, a big cluster): paging again
            // could expire again, forever. client-go's answer: the whole list in one request.
            WebhookLog.ContinueExpired(logger, kind);
            Restarted("continue_expired");
            (entries, resourceVersion) = await ListPagesAsync(null, cancellationToken);
        }

        replace(entries);
        catalog.MarkSynced(kind);
        catalog.MarkEvent(kind, time.GetUtcNow());
        _synced.TrySetResult();
        WebhookLog.Listed(logger, kind, entries.Count, resourceVersion);
        return resourceVersion;
    }

    /// <summary>The entries of the whole list, each page projected and let go before the next is asked for.</summary>
    private async Task<(List<TEntry> Entries, string ResourceVersion)> ListPagesAsync(int? limit, CancellationToken cancellationToken)
    {
        var entries = new List<TEntry>();
        string? continueToken = null;
        string resourceVersion;
        do
        {
            var page = await listPage(continueToken, limit, cancellationToken);
            foreach (var item in page.Items)
            {
                if (keep(item) is { } entry)
                {
                    entries.Add(entry);
                }
            }
            continueToken = page.Metadata?.ContinueProperty;
            resourceVersion = page.Metadata?.ResourceVersion ?? "";
        }
        while (!string.IsNullOrEmpty(continueToken));
        return (entries, resourceVersion);
    }

    /// <summary>
    /// Applies events until the server ends the watch, or it stays silent too long; how many came,
    /// and the error that ended it, if one did. After 410 the version is forgotten, so the next round lists.
    /// </summary>
    private async Task<(int Events, string? Error)> WatchAsync(CancellationToken cancellationToken)
    {
        string? failure = null;
        var events = 0;
        // Servers end watches after this long; informers ask for 5 to 10 minutes, spread out.
        var timeoutSeconds = Random.Shared.Next(300, 600);
        using var silence = new CancellationTokenSource(timings.SilenceDeadline, time);
        using var watching = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, silence.Token);
        // Published before the request is read, so that a relist asked for from now on ends this watch.
        Volatile.Write(ref _watching, watching);
        if (_relistAsked)
        {
            return (0, null);
        }
        var stream = WatchStream.ReadAsync<TItem>(
            client,
            watchPath,
            _resourceVersion!,
            timeoutSeconds,
            error => failure = error is KubernetesException { Status.Code: (int)HttpStatusCode.Gone } ? Gone : error.Message,
            watching.Token);
        try
        {
            await foreach (var (type, item) in stream)
            {
                silence.CancelAfter(timings.SilenceDeadline);
                events++;
                catalog.MarkEvent(kind, time.GetUtcNow());
                _resourceVersion = item.Metadata?.ResourceVersion ?? _resourceVersion;
                Apply(type, item);
            }
        }
        catch (OperationCanceledException) when (_relistAsked && !cancellationToken.IsCancellationRequested)
        {
            return (events, null);
        }
        catch (OperationCanceledException) when (silence.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // Replaced, not failed: the next watch resumes from the last version this one gave.
            WebhookLog.WatchSilent(logger, kind, timings.SilenceDeadline.TotalSeconds);
            Restarted("silent");
            return (events, null);
        }
        if (failure == Gone)
        {
            _resourceVersion = null;
        }
        return (events, failure);
    }

    private void Apply(WatchEventType type, TItem item)
    {
        if (type == WatchEventType.Deleted && item.Metadata?.Name is { } name)
        {
            delete(item.Metadata.NamespaceProperty, name);
        }
        else if (type != WatchEventType.Bookmark && item.Metadata?.Name is not null && keep(item) is { } entry)
        {
            upsert(entry);
        }
    }

    private void Restarted(string reason) => metrics.CatalogWatchRestarts.WithLabels(kind.ToString().ToLowerInvariant(), reason).Inc();

    private const string Gone = "the watch's history is gone (410 Gone): listing again";
}
