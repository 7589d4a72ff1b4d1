using System.Net.Sockets;
using System.Text.Json;
using k8s;
using k8s.Autorest;

namespace StackBlaze.Webhook.Cluster;

/// <summary>What a call through KubernetesClient throws when the API server or the network failed it, and what the API server said.</summary>
internal static class ApiFailure
{
    /// <summary>An answer of the API server that is a failure, or the network's (<see cref="IsNetwork"/>).</summary>
    public static bool Is(Exception e) => e is HttpOperationException or KubernetesException || IsNetwork(e);

    /// <summary>
    /// No answer: the network failed. A connection reset as it opens can escape HttpClient as the socket's own
    /// error, and a stream cut while read as an IOException, unwrapped.
    /// </summary>
    public static bool IsNetwork(Exception e) => e is HttpRequestException or SocketException or IOException;

    /// <summary>The message of the API server's Status in a failed answer; null when the body is not one (a proxy's page, say).</summary>
    public static string? StatusMessage(HttpOperationException e)
    {
        try
        {
            using var status = JsonDocument.Parse(e.Response.Content ?? "");
            return status.RootElement.ValueKind == JsonValueKind.Object
                && status.RootElement.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String
                ? message.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
