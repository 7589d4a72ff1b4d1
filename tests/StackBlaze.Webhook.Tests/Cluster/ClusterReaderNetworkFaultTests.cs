using System.Net.Sockets;
using k8s;
using StackBlaze.Webhook.Cluster;

namespace StackBlaze.Webhook.Tests.Cluster;

/// <summary>
/// What the network does to <c>check</c> and <c>explain</c> on a cluster: a connection the API
/// server (or a proxy) resets as it opens can leave HttpClient as a bare SocketException (seen
/// once in a dozen runs against a listener that resets every connection: the process aborted).
/// </summary>
public sealed class ClusterReaderNetworkFaultTests
{
    [Theory]
    [InlineData(SocketError.NotConnected)]
    [InlineData(SocketError.ConnectionReset)]
    public async Task A_socket_error_that_escapes_the_http_client_is_a_one_line_cluster_error_not_a_crash(SocketError error)
    {
        using var client = new Kubernetes(new KubernetesClientConfiguration { Host = "http://127.0.0.1:1" }, new FailingHandler(new SocketException((int)error)));

        var read = () => new ClusterReader(client).ReadAsync("shop", CancellationToken.None);

        (await read.Should().ThrowAsync<ClusterException>()).Which.Message
            .Should().Be($"get namespace shop: cannot reach the API server: {new SocketException((int)error).Message}");
    }

    [Fact]
    public async Task A_stream_cut_while_reading_is_a_one_line_cluster_error()
    {
        using var client = new Kubernetes(new KubernetesClientConfiguration { Host = "http://127.0.0.1:1" }, new FailingHandler(new IOException("The response ended prematurely.")));

        var read = () => new ClusterReader(client).ReadAsync(null, CancellationToken.None);

        (await read.Should().ThrowAsync<ClusterException>()).Which.Message.Should().EndWith("cannot reach the API server: The response ended prematurely.");
    }

    /// <summary>Fails every request as the socket layer does, before any answer.</summary>
    private sealed class FailingHandler(Exception failure) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => Task.FromException<HttpResponseMessage>(failure);
    }
}
