using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace StackBlaze.Webhook.Tests.Support;

/// <summary>
/// An HttpClient that reaches a server on 127.0.0.1 by the webhook Service's DNS name, as the API
/// server does: the TCP connection goes to loopback, TLS checks the name and trusts only the given CAs.
/// </summary>
internal static class ServiceNameClient
{
    public const string ServiceHost = "stackblaze-webhook.stackblaze-system.svc";

    /// <param name="port">The loopback port the server listens on.</param>
    /// <param name="caFiles">The only CAs trusted.</param>
    /// <param name="handshakes">Receives the thumbprint of each certificate the server presents, in order.</param>
    /// <param name="newConnectionPerRequest">Closes every connection after its request, so each request makes a handshake.</param>
    public static HttpClient Create(int port, IEnumerable<string> caFiles, ConcurrentQueue<string>? handshakes = null, bool newConnectionPerRequest = false)
    {
        var trusted = new X509Certificate2Collection(caFiles.Select(X509CertificateLoader.LoadCertificateFromFile).ToArray());
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, cancellation) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), cancellation);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                {
                    if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
                    {
                        return false;
                    }
                    using var presented = new X509Certificate2(certificate);
                    handshakes?.Enqueue(presented.Thumbprint);
                    using var chain = new X509Chain();
                    chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                    chain.ChainPolicy.CustomTrustStore.AddRange(trusted);
                    chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                    return chain.Build(presented);
                },
            },
        };
        var client = new HttpClient(handler) { BaseAddress = new Uri($"https://{ServiceHost}:{port}") };
        client.DefaultRequestHeaders.ConnectionClose = newConnectionPerRequest;
        return client;
    }
}
