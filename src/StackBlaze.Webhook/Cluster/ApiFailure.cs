using System.Net.Sockets;
using k8s;
using k8s.Autorest;

namespace StackBlaze.Webhook.Cluster;

/// <summary>What a call through KubernetesClient throws when the API server or the network failed it.</summary>
internal static class ApiFailure
{
    /// <summary>
    /// An answer of the API server that is a failure, or the network's: a connection reset as it opens can
    /// escape HttpClient as the socket's own error, and a stream cut while read as an IOException, unwrapped.
    /// </summary>
    public static bool Is(Exception e) => e is HttpOperationException or HttpRequestException or KubernetesException or SocketException or IOException;
}
