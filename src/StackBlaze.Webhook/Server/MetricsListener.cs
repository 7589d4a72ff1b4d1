using Microsoft.AspNetCore.Connections;

namespace StackBlaze.Webhook.Server;

/// <summary>
/// Marks the connections of the <c>--metrics-urls</c> listener, which serves <c>GET /metrics</c>
/// and nothing else, while the webhook port then serves everything but it: a NetworkPolicy can
/// let the API server reach only the one and monitoring only the other.
/// </summary>
/// <remarks>
/// Told apart by the listener the connection came through, never by the Host header, which a
/// client on the webhook port could set to the metrics port.
/// </remarks>
internal sealed class MetricsListener
{
    public const string Path = "/metrics";

    private static readonly MetricsListener Marker = new();

    public static Func<ConnectionDelegate, ConnectionDelegate> Middleware { get; } = next => connection =>
    {
        connection.Features.Set(Marker);
        return next(connection);
    };

    public static bool Received(HttpContext http) => http.Features.Get<MetricsListener>() is not null;

    /// <summary>Whether a listener of its own serves the request's path: /metrics on the metrics listener, the rest on the webhook's.</summary>
    public static bool Serves(HttpContext http) => Received(http) == http.Request.Path.StartsWithSegments(Path, StringComparison.Ordinal);
}
