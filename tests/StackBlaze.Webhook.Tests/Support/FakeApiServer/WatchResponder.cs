using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace StackBlaze.Webhook.Tests.Support.FakeApiServer;

/// <summary>
/// <c>GET ...?watch=true&amp;resourceVersion=N</c>: newline-delimited
/// <c>{"type": ..., "object": ...}</c> events after N, then new ones as they happen, until
/// <c>timeoutSeconds</c> (a clean end), the client leaves, or the test drops the connection (an abrupt one).
/// </summary>
internal static class WatchResponder
{
    public static async Task ServeAsync(HttpContext http, FakeResource resource, string? ns, FakeKubernetes cluster)
    {
        var query = http.Request.Query;
        var start = resource.StartWatch(query["resourceVersion"]);
        if (start.Gone)
        {
            var status = ApiStatus.Gone(long.TryParse(query["resourceVersion"], out var asked) ? asked : 0, start.OldestVersion);
            if (cluster.GoneForm == GoneForm.HttpStatus)
            {
                await ApiStatus.WriteAsync(http, status);
                return;
            }
            http.Response.ContentType = "application/json";
            await WriteLineAsync(http, "ERROR", JsonSerializer.SerializeToUtf8Bytes(status));
            return;
        }

        var bookmarks = query["allowWatchBookmarks"] == "true";
        using var drop = cluster.RegisterWatch();
        using var timeout = int.TryParse(query["timeoutSeconds"], out var seconds) && seconds > 0
            ? new CancellationTokenSource(TimeSpan.FromSeconds(seconds))
            : new CancellationTokenSource();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, drop.Token, timeout.Token);
        try
        {
            http.Response.ContentType = "application/json";
            await http.Response.StartAsync(stop.Token);
            await http.Response.Body.FlushAsync(stop.Token);
            if (resource.TakeSilentWatch())
            {
                await Task.Delay(Timeout.Infinite, stop.Token);
            }
            foreach (var stored in start.Backlog.Where(e => ns is null || e.Namespace == ns))
            {
                await WriteLineAsync(http, stored.Type, stored.Object, stop.Token);
            }
            await foreach (var stored in start.Channel.Reader.ReadAllAsync(stop.Token))
            {
                if ((stored.Type == "BOOKMARK" && !bookmarks) || (ns is not null && stored.Type != "BOOKMARK" && stored.Namespace != ns))
                {
                    continue;
                }
                await WriteLineAsync(http, stored.Type, stored.Object, stop.Token);
            }
        }
        catch (OperationCanceledException) when (drop.IsCancellationRequested)
        {
            // A dropped connection, not a clean end: the client sees the stream break.
            http.Abort();
        }
        catch (OperationCanceledException)
        {
            // timeoutSeconds passed, or the client went away: the stream ends.
        }
        finally
        {
            resource.StopWatch(start.Channel);
        }
    }

    private static async Task WriteLineAsync(HttpContext http, string type, byte[] obj, CancellationToken cancellationToken = default)
    {
        var buffer = new ArrayBufferWriter<byte>(obj.Length + 64);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", type);
            json.WritePropertyName("object");
            json.WriteRawValue(obj, skipInputValidation: true);
            json.WriteEndObject();
        }
        buffer.Write("\n"u8);
        await http.Response.Body.WriteAsync(buffer.WrittenMemory, cancellationToken);
        await http.Response.Body.FlushAsync(cancellationToken);
    }
}
