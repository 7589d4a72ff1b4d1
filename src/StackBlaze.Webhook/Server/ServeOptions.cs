using StackBlaze.Webhook.Core.Conventions;
using StackBlaze.Webhook.Core.NetworkPolicies;

namespace StackBlaze.Webhook.Server;

/// <summary>The options of <c>stackblaze-webhook serve</c>.</summary>
/// <param name="Url">Where to listen: <c>https://HOST:PORT</c>; host <c>[::]</c> is every address, IPv6 and IPv4.</param>
/// <param name="TlsCertFile">The serving certificate (PEM), with <paramref name="TlsKeyFile"/>; both null for a development certificate.</param>
/// <param name="TlsKeyFile">The certificate's private key (PEM, RSA or ECDSA).</param>
/// <param name="CatalogPath">A YAML file or folder of manifests as the catalog; null to follow the cluster.</param>
/// <param name="DefaultNamespace">The namespace of catalog objects that name none.</param>
/// <param name="KubeconfigPath">The cluster to follow, when there is no <paramref name="CatalogPath"/>.</param>
internal sealed record ServeOptions(
    Uri Url,
    string? TlsCertFile,
    string? TlsKeyFile,
    string? CatalogPath,
    string DefaultNamespace,
    string? KubeconfigPath = null)
{
    /// <summary>Every address, IPv6 and IPv4: pods of IPv4, IPv6 and dual-stack clusters alike are reached.</summary>
    public const string DefaultUrl = "https://[::]:8443";

    public static readonly TimeSpan DefaultShutdownDelay = TimeSpan.FromSeconds(5);

    /// <summary>How long the server keeps answering after SIGTERM, not ready, before it stops accepting.</summary>
    public TimeSpan ShutdownDelay { get; init; } = DefaultShutdownDelay;

    /// <summary>
    /// Where to serve <c>GET /metrics</c> alone, with the same certificate and TLS policy; the webhook
    /// port then answers it 404. Null: <c>/metrics</c> is on the webhook port.
    /// </summary>
    public Uri? MetricsUrl { get; init; }

    /// <summary>
    /// A CA (PEM) whose certificates alone are answered on the webhook paths: with it, a client must
    /// present a certificate it signed (the API server, through its AdmissionConfiguration). The probe
    /// paths and the metrics listener ask for none. Null: any client that reaches the port is answered.
    /// </summary>
    public string? ClientCaFile { get; init; }

    /// <summary>How pods name the Services whose addresses the webhook injects and suggests.</summary>
    public ServiceHosts Hosts { get; init; } = ServiceHosts.Internal;

    /// <summary><c>--leader-election-namespace</c>: where the reconciler's Lease is; null for the pod's namespace.</summary>
    public string? LeaderElectionNamespace { get; init; }

    /// <summary>Who else the link policies admit: <c>--ingress-namespace-selector</c>, <c>--monitoring-namespace-selector</c>.</summary>
    public LinkPolicyOptions LinkPolicies { get; init; } = LinkPolicyOptions.None;

    /// <summary>Timeouts and minimum rates for clients.</summary>
    public ServerLimits Limits { get; init; } = ServerLimits.Default;
}
