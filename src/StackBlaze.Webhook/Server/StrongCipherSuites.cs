using System.Net.Security;
using System.Runtime.Versioning;

namespace StackBlaze.Webhook.Server;

/// <summary>
/// TLS 1.3's suites, and for TLS 1.2 only ECDHE key exchange (forward secrecy) with AEAD ciphers:
/// no CBC, no static RSA, no SHA-1 MACs. Go's TLS client in the API server offers all of these.
/// </summary>
[SupportedOSPlatform("linux")]
internal static class StrongCipherSuites
{
    public static CipherSuitesPolicy Policy { get; } = new(
    [
        TlsCipherSuite.TLS_AES_128_GCM_SHA256,
        TlsCipherSuite.TLS_AES_256_GCM_SHA384,
        TlsCipherSuite.TLS_CHACHA20_POLY1305_SHA256,
        TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
        TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
        TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
        TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
        TlsCipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
    ]);
}
