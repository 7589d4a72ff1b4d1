namespace StackBlaze.Webhook.Tests.Support;

/// <summary>
/// Points a container's environment at a test's server: the Service's address in the cluster
/// (<c>postgres.internal:5432</c>) resolves nowhere here, and editing /etc/hosts is not ours to do.
/// The one place where a test's client is sent somewhere other than what the webhook wrote.
/// </summary>
internal static class LoopbackAddress
{
    /// <summary>
    /// <paramref name="environment"/> with <c>host:port</c> inside any value made <c>127.0.0.1:loopbackPort</c>,
    /// a value that is the host alone made <c>127.0.0.1</c>, and one that is the port alone made
    /// <paramref name="loopbackPort"/> (the URL, host:port, host and port forms, and libpq's PGHOST and PGPORT).
    /// </summary>
    public static IReadOnlyDictionary<string, string> Rewrite(
        IReadOnlyDictionary<string, string> environment, string host, int port, int loopbackPort) =>
        environment.ToDictionary(
            variable => variable.Key,
            variable => variable.Value == host ? "127.0.0.1"
                : variable.Value == $"{port}" ? $"{loopbackPort}"
                : variable.Value.Replace($"{host}:{port}", $"127.0.0.1:{loopbackPort}", StringComparison.Ordinal),
            StringComparer.Ordinal);
}
