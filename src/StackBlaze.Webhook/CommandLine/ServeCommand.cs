using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using StackBlaze.Webhook.Cluster;
using StackBlaze.Webhook.Core.Limits;
using StackBlaze.Webhook.Core.Objects;
using StackBlaze.Webhook.Logging;
using StackBlaze.Webhook.Server;

namespace StackBlaze.Webhook.CommandLine;

/// <summary><c>serve</c>: the admission webhook over HTTPS. Its options are checked before anything starts.</summary>
internal sealed partial class ServeCommand : Command
{
    /// <summary>Beyond this the kubelet's grace period (30 s by default) would kill the pod mid-delay anyway.</summary>
    public const double MaxShutdownDelaySeconds = 600;

    // In the order the help lists them.
    private readonly Option<string?> _catalog = Cli.Described<string?>("--catalog", "PATH", "A YAML file or folder of manifests as the catalog.");
    private readonly Option<string?> _kubeconfig = Cli.Described<string?>(
        "--kubeconfig", "FILE", "The cluster to follow without --catalog; else the pod's service account, else KUBECONFIG or ~/.kube/config.");
    private readonly Option<Uri> _url = Cli.Described<Uri>("--urls", "https://HOST:PORT", "Where to listen; [::] (the default), * and + are every address, IPv6 and IPv4.");
    private readonly Option<Uri?> _metricsUrl = Cli.Described<Uri?>(
        "--metrics-urls", "https://HOST:PORT", "Serve GET /metrics here alone, on another port; without it, /metrics is on the webhook port.");
    private readonly Option<string?> _tlsCert = Cli.Described<string?>(
        "--tls-cert", "FILE", "The serving certificate, PEM, with --tls-key; reloaded when it changes. Without both, a development certificate.");
    private readonly Option<string?> _tlsKey = Cli.Described<string?>("--tls-key", "FILE", "The certificate's private key, PEM, RSA or ECDSA.");
    private readonly Option<string?> _clientCa = Cli.Described<string?>("--client-ca", "FILE", "Answer on the webhook paths only clients whose certificate this CA (PEM) signed.");
    private readonly Option<string> _namespace = Cli.NamespaceOption();
    private readonly HostStyleOptions _hosts;
    private readonly NamespaceSelectorOptions _selectors;
    private readonly Option<string?> _leaderElectionNamespace = Cli.Described<string?>(
        "--leader-election-namespace", "NAMESPACE",
        $"Without --catalog: the namespace of the Lease that elects the one replica writing NetworkPolicies; else the pod's, else {LeaderElectionOptions.DefaultNamespace}.");
    private readonly Option<TimeSpan?> _shutdownDelay = Cli.Described<TimeSpan?>(
        "--shutdown-delay", "SECONDS", $"After SIGTERM, how long to keep answering (not ready) before no longer accepting; 0 to {MaxShutdownDelaySeconds}, default 5.");

    public ServeCommand()
        : base("serve", "The mutating and validating admission webhooks over HTTPS.")
    {
        _url.CustomParser = ParseUrl;
        _url.DefaultValueFactory = _ => new Uri(ServeOptions.DefaultUrl);
        _metricsUrl.CustomParser = ParseUrl;
        _shutdownDelay.CustomParser = ParseShutdownDelay;
        _leaderElectionNamespace.Validators.Add(result =>
        {
            if (result.Tokens is [var token] && !KubernetesNames.IsDnsLabel(token.Value))
            {
                result.AddError($"--leader-election-namespace must be a namespace name (a DNS label), not \"{BoundedText.Quote(token.Value)}\"");
            }
        });
        foreach (var option in new Option[] { _catalog, _kubeconfig, _url, _metricsUrl, _tlsCert, _tlsKey, _clientCa, _namespace, _leaderElectionNamespace, _shutdownDelay })
        {
            Options.Add(option);
        }
        _hosts = new HostStyleOptions(this);
        _selectors = new NamespaceSelectorOptions(this);
        Validators.Add(Validate);
        SetAction(parsed => RunAsync(Read(parsed)));
    }

    /// <summary>The options of a command line the parser accepted.</summary>
    public ServeOptions Read(ParseResult parsed) => new(
        parsed.GetRequiredValue(_url), parsed.GetValue(_tlsCert), parsed.GetValue(_tlsKey), parsed.GetValue(_catalog),
        parsed.GetRequiredValue(_namespace), parsed.GetValue(_kubeconfig))
    {
        ShutdownDelay = parsed.GetValue(_shutdownDelay) ?? ServeOptions.DefaultShutdownDelay,
        MetricsUrl = parsed.GetValue(_metricsUrl),
        ClientCaFile = parsed.GetValue(_clientCa),
        Hosts = _hosts.Read(parsed),
        LeaderElectionNamespace = parsed.GetValue(_leaderElectionNamespace),
        LinkPolicies = _selectors.Read(parsed),
    };

    private static async Task<int> RunAsync(ServeOptions options)
    {
        var devCaFile = options.TlsCertFile is null ? DevelopmentCertificate.DefaultCaFile : null;
        using var files = devCaFile is null ? ServingCertificateReloader.Load(options.TlsCertFile!, options.TlsKeyFile!, TimeProvider.System) : null;
        using var development = devCaFile is null ? null : DevelopmentCertificate.Create(devCaFile, TimeProvider.System);
        Func<X509Certificate2> certificate = files is null ? () => development! : () => files.Current;

        await using var app = WebhookServer.Create(options, certificate);
        await app.StartAsync();

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("StackBlaze.Webhook");
        var validity = app.Services.GetRequiredService<ServingCertificateValidity>();
        files?.Start(logger, ServingCertificateReloader.DefaultPeriod, () => validity.Problem());
        // One address per listener, the metrics listener's last (see WebhookServer).
        var addresses = app.Urls.ToArray();
        if (options.MetricsUrl is not null)
        {
            WebhookLog.MetricsListening(logger, addresses[^1]);
            addresses = addresses[..^1];
        }
        foreach (var address in addresses)
        {
            WebhookLog.Listening(logger, address);
            if (devCaFile is not null)
            {
                // An address a client on this machine can use: loopback in place of "every address".
                WebhookLog.DevelopmentCertificate(
                    logger, devCaFile, address.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
            }
        }
        await app.WaitForShutdownAsync();
        return Cli.ExitOk;
    }

    /// <summary>What no single option says: options that go together, or exclude each other.</summary>
    private void Validate(CommandResult result)
    {
        // From the words given: a value its option refused cannot be read here, and is reported as such.
        var url = result.GetResult(_url) is { Tokens: [var urlText] } ? Url(urlText.Value) : new Uri(ServeOptions.DefaultUrl);
        if (result.GetResult(_metricsUrl) is { Tokens: [var metricsText] } && Url(metricsText.Value) is { } metricsUrl
            && url is { Port: not 0 } && metricsUrl.Port == url.Port)
        {
            result.AddError($"--metrics-urls needs a port of its own, not --urls' {url.Port}");
        }
        if ((result.GetResult(_tlsCert) is null) != (result.GetResult(_tlsKey) is null))
        {
            result.AddError("--tls-cert and --tls-key go together");
        }
        if (result.GetResult(_catalog) is not null && result.GetResult(_kubeconfig) is not null)
        {
            result.AddError("--catalog and --kubeconfig exclude each other: the catalog comes from files or from a cluster");
        }
        if (result.GetResult(_catalog) is not null && result.GetResult(_leaderElectionNamespace) is not null)
        {
            result.AddError("--leader-election-namespace is for the cluster's catalog: with --catalog no NetworkPolicy is written");
        }
    }

    private static Uri? ParseUrl(ArgumentResult result)
    {
        var text = result.Tokens[0].Value;
        if (Url(text) is { } url)
        {
            return url;
        }
        result.AddError($"{((OptionResult)result.Parent!).Option.Name} must be https://HOST:PORT with an IP address, [::], * or localhost as HOST, not \"{text}\"");
        return null;
    }

    /// <summary>An https URL whose host is an IP address or localhost; <c>*</c> and <c>+</c> mean every address, as <c>[::]</c>.</summary>
    private static Uri? Url(string text) =>
        Uri.TryCreate(AnyHostPattern().Replace(text, "https://[::]:"), UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps && url.AbsolutePath == "/"
        && (url.IsLoopback && url.HostNameType == UriHostNameType.Dns || url.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6)
            ? url
            : null;

    private static TimeSpan? ParseShutdownDelay(ArgumentResult result)
    {
        var text = result.Tokens[0].Value;
        if (double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) && seconds <= MaxShutdownDelaySeconds)
        {
            return TimeSpan.FromSeconds(seconds);
        }
        result.AddError($"--shutdown-delay must be a number of seconds from 0 to {MaxShutdownDelaySeconds}, not \"{text}\"");
        return null;
    }

    [GeneratedRegex(@"^https://[*+]:", RegexOptions.CultureInvariant)]
    private static partial Regex AnyHostPattern();
}
