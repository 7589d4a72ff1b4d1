using System.Security.Authentication;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace StackBlaze.Webhook.Server;

/// <summary>Kestrel's limits and TLS settings for a server in the pod-creation path of a cluster.</summary>
internal static class KestrelHardening
{
    public static void ApplyLimits(KestrelServerOptions kestrel, ServerLimits limits)
    {
        kestrel.AddServerHeader = false;
        kestrel.Limits.MaxRequestBodySize = WebhookServer.MaxRequestBodyBytes;
        kestrel.Limits.RequestHeadersTimeout = limits.RequestHeadersTimeout;
        kestrel.Limits.KeepAliveTimeout = limits.KeepAliveTimeout;
        kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(limits.MinBytesPerSecond, limits.MinRateGracePeriod);
        kestrel.Limits.MinResponseDataRate = new MinDataRate(limits.MinBytesPerSecond, limits.MinRateGracePeriod);
        kestrel.Limits.MaxConcurrentConnections = limits.MaxConcurrentConnections;
        // Nothing here upgrades a connection (no WebSockets): an upgraded one would escape the timeouts above.
        kestrel.Limits.MaxConcurrentUpgradedConnections = 0;
        kestrel.Limits.Http2.MaxStreamsPerConnection = limits.Http2MaxStreamsPerConnection;
    }

    public static void ApplyTls(HttpsConnectionAdapterOptions https, ServerLimits limits)
    {
        https.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;
        https.HandshakeTimeout = limits.HandshakeTimeout;
        // Cipher suite policies exist where .NET uses OpenSSL; elsewhere the OS's defaults apply.
        if (OperatingSystem.IsLinux())
        {
            var policy = StrongCipherSuites.Policy;
            https.OnAuthenticate = (_, ssl) => ssl.CipherSuitesPolicy = policy;
        }
    }
}
