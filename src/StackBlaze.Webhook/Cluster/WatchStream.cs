using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace StackBlaze.Webhook.Cluster;

/// <summary>
/// One watch request, read event by event. KubernetesClient.Aot lists but cannot watch, so the
/// request goes out through the client's own HttpClient, base address and credentials, and each
/// line of the answer is one <c>{"type": ..., "object": ...}</c> event.
/// </summary>
internal static class WatchStream
{
    /// <summary>
    /// The events of <c>GET path?watch=true</c> from <paramref name="resourceVersion"/> until the server ends
    /// the watch. A refused watch throws <see cref="HttpOperationException"/> (410 Gone included); an ERROR
    /// event goes to <paramref name="onError"/> as a <see cref="KubernetesException"/> and ends the stream.
    /// </summary>
    public static async IAsyncEnumerable<(WatchEventType Type, T Item)> ReadAsync<T>(
        Kubernetes client,
        string path,
        string resourceVersion,
        int timeoutSeconds,
        Action<Exception> onError,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var query = $"?watch=true&allowWatchBookmarks=true&resourceVersion={Uri.EscapeDataString(resourceVersion)}&timeoutSeconds={timeoutSeconds}";
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(WithTrailingSlash(client.BaseUri), path + query));
        if (client.Credentials is { } credentials)
        {
            await credentials.ProcessHttpRequestAsync(request, cancellationToken);
        }
        using var response = await client.HttpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HttpOperationException($"watch {path}: the API server answered {(int)response.StatusCode}")
            {
                Request = new HttpRequestMessageWrapper(request, null),
                Response = new HttpResponseMessageWrapper(response, body),
            };
        }

        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            if (!TryReadEvent<T>(line, out var type, out var item, out var error))
            {
                // Resuming from the last good event replays this one: better than applying half of it or skipping it.
                onError(error);
                yield break;
            }
            yield return (type, item);
        }
    }

    private static bool TryReadEvent<T>(string line, out WatchEventType type, out T item, out Exception error)
    {
        type = default;
        item = default!;
        error = null!;
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var isObject = root.ValueKind == JsonValueKind.Object;
            var typeName = isObject && root.TryGetProperty("type"u8, out var typeElement) && typeElement.ValueKind == JsonValueKind.String
                ? typeElement.GetString()
                : null;
            var obj = default(JsonElement);
            if (!isObject || !root.TryGetProperty("object"u8, out obj) || obj.ValueKind != JsonValueKind.Object)
            {
                error = new InvalidDataException($"a watch event without an object (type {typeName ?? "missing"})");
                return false;
            }
            switch (typeName)
            {
                case "ADDED": type = WatchEventType.Added; break;
                case "MODIFIED": type = WatchEventType.Modified; break;
                case "DELETED": type = WatchEventType.Deleted; break;
                case "BOOKMARK": type = WatchEventType.Bookmark; break;
                case "ERROR":
                    error = new KubernetesException(KubernetesJson.Deserialize<V1Status>(obj.GetRawText()));
                    return false;
                default:
                    error = new InvalidDataException($"a watch event of unknown type \"{typeName}\"");
                    return false;
            }
            item = KubernetesJson.Deserialize<T>(obj.GetRawText());
            return true;
        }
        catch (JsonException e)
        {
            error = new InvalidDataException($"a watch event that is not valid JSON: {e.Message}", e);
            return false;
        }
    }

    /// <summary>A base address with a path (a proxy's, say) keeps it only if it ends with a slash.</summary>
    private static Uri WithTrailingSlash(Uri baseUri) =>
        baseUri.AbsoluteUri.EndsWith('/') ? baseUri : new Uri(baseUri.AbsoluteUri + "/");
}
