using Microsoft.AspNetCore.Connections;

namespace StackBlaze.Webhook.Server;

/// <summary>
/// Cuts a connection whose first request has not come within the request-headers timeout of its
/// TLS handshake. Kestrel gives the first request the keep-alive timeout (130 s here) to start,
/// so without this a client could hold a connection that long with a handshake and no request.
/// </summary>
/// <remarks>
/// The API server, the kubelet and Prometheus open a connection only to send a request on it at
/// once; only a client that means to hold connections ever waits.
/// </remarks>
internal sealed class FirstRequestDeadline
{
    private int _arrived;

    /// <summary>Connection middleware for a listener, to follow its TLS middleware.</summary>
    public static Func<ConnectionDelegate, ConnectionDelegate> Middleware(TimeSpan within, TimeProvider time) => next => async connection =>
    {
        var deadline = new FirstRequestDeadline();
        connection.Features.Set(deadline);
        await using var timer = time.CreateTimer(
            _ =>
            {
                if (Volatile.Read(ref deadline._arrived) == 0)
                {
                    connection.Abort(new ConnectionAbortedException("no request within the request-headers timeout of the TLS handshake"));
                }
            },
            null, within, Timeout.InfiniteTimeSpan);
        await next(connection);
    };

    /// <summary>Marks the connection of <paramref name="http"/> as having made a request; the deadline no longer applies.</summary>
    public static void Arrived(HttpContext http)
    {
        if (http.Features.Get<FirstRequestDeadline>() is { } deadline)
        {
            Volatile.Write(ref deadline._arrived, 1);
        }
    }
}
