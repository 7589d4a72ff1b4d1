namespace StackBlaze.Webhook.Server;

/// <summary>How many connections a client may hold, and how long and how slowly it may keep one busy before Kestrel cuts it.</summary>
/// <param name="RequestHeadersTimeout">All headers of a request must arrive within this; the first request of a connection must also start within it.</param>
/// <param name="KeepAliveTimeout">A connection idle between requests (HTTP/1.1) or with no open stream (HTTP/2) is closed after this.</param>
/// <param name="MinBytesPerSecond">The slowest a request body may arrive, and a response be read, after the grace period.</param>
/// <param name="MinRateGracePeriod">How long a connection may run below that rate first.</param>
/// <param name="HandshakeTimeout">The TLS handshake must finish within this.</param>
/// <param name="MaxConcurrentConnections">Connections open at once, from TCP accept to close; the next one is closed at once.</param>
/// <param name="Http2MaxStreamsPerConnection">Requests in flight at once on one HTTP/2 connection; clients open another beyond it.</param>
/// <param name="MaxConcurrentReviews">AdmissionReviews read and decided at once; the others wait before their body is read.</param>
internal sealed record ServerLimits(
    TimeSpan RequestHeadersTimeout,
    TimeSpan KeepAliveTimeout,
    double MinBytesPerSecond,
    TimeSpan MinRateGracePeriod,
    TimeSpan HandshakeTimeout,
    long MaxConcurrentConnections,
    int Http2MaxStreamsPerConnection,
    int MaxConcurrentReviews)
{
    /// <summary>
    /// The API server sends a few KB at cluster-network speed and gives up after the webhook's
    /// timeoutSeconds (3): these never touch it, and bound what a slow client can hold (a 3 MiB
    /// body at the minimum rate takes under two minutes). Keep-alive stays longer than the 90 s
    /// idle timeout of the API server's Go client (HTTP/1.1 and HTTP/2 alike), so that the API
    /// server, not this server, closes idle connections and never sends a request on one being
    /// closed. 1,536 connections: an idle TLS connection costs about 50 KiB of resident memory
    /// (docs/hardening.md), so a client holding all of them adds about 80 MiB and leaves the pod's
    /// 256 MiB room for requests in flight, while one holding 1,000 idle connections still leaves
    /// places for the API servers, the kubelet and Prometheus.
    /// 32 streams: the API server multiplexes its calls on one HTTP/2 connection and opens another
    /// when a connection has no stream free, so this bounds one connection's share, not throughput.
    /// Four reviews at once: a review is CPU work of a millisecond (a few hundred at the very worst,
    /// docs/hardening.md), so more at once on one or two cores only adds memory, and four of the
    /// worst fit the heap the pod's limit gives.
    /// </summary>
    public static ServerLimits Default { get; } = new(
        RequestHeadersTimeout: TimeSpan.FromSeconds(10),
        KeepAliveTimeout: TimeSpan.FromSeconds(130),
        MinBytesPerSecond: 32 * 1024,
        MinRateGracePeriod: TimeSpan.FromSeconds(2),
        HandshakeTimeout: TimeSpan.FromSeconds(5),
        MaxConcurrentConnections: 1536,
        Http2MaxStreamsPerConnection: 32,
        MaxConcurrentReviews: 4);
}
