namespace StackBlaze.Webhook.Server;

/// <summary>How long and how slowly a client may keep a connection busy before Kestrel cuts it.</summary>
/// <param name="RequestHeadersTimeout">All headers of a request must arrive within this.</param>
/// <param name="KeepAliveTimeout">An idle connection is closed after this.</param>
/// <param name="MinBytesPerSecond">The slowest a request body may arrive, and a response be read, after the grace period.</param>
/// <param name="MinRateGracePeriod">How long a connection may run below that rate first.</param>
/// <param name="HandshakeTimeout">The TLS handshake must finish within this.</param>
internal sealed record ServerLimits(
    TimeSpan RequestHeadersTimeout,
    TimeSpan KeepAliveTimeout,
    double MinBytesPerSecond,
    TimeSpan MinRateGracePeriod,
    TimeSpan HandshakeTimeout)
{
    /// <summary>
    /// The API server sends a few KB at cluster-network speed and gives up after the webhook's
    /// timeoutSeconds (3): these never touch it, and bound what a slow client can hold (a 3 MiB
    /// body at the minimum rate takes under two minutes). Keep-alive stays longer than Go's 90 s
    /// idle timeout, so that the API server, not this server, closes idle connections and never
    /// sends a request on one being closed.
    /// </summary>
    public static ServerLimits Default { get; } = new(
        RequestHeadersTimeout: TimeSpan.FromSeconds(10),
        KeepAliveTimeout: TimeSpan.FromSeconds(130),
        MinBytesPerSecond: 32 * 1024,
        MinRateGracePeriod: TimeSpan.FromSeconds(2),
        HandshakeTimeout: TimeSpan.FromSeconds(5));
}
