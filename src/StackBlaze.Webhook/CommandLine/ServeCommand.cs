using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using StackBlaze.Webhook.Logging;
using StackBlaze.Webhook.Server;

namespace StackBlaze.Webhook.CommandLine;

/// <summary><c>serve</c>: the admission webhook over HTTPS. Its options are checked before anything starts.</summary>
internal sealed partial class ServeCommand : Command
{
    /// <summary>Beyond this the kubelet's grace period (30 s by default) would kill the pod mid-delay anyway.</summary>
    public const double MaxShutdownDelaySeconds = 600;

    private readonly Option<Uri> _url = new("--urls")
    {
        Description = "Where to listen; [::] (the default), * and + are every address, IPv6 and IPv4.",
        HelpName = "https://HOST:PORT",
        CustomParser = result => ParseUrl(result),
        DefaultValueFactory = _ => new Uri(ServeOptions.DefaultUrl),
    };

    private readonly Option<Uri?> _metricsUrl = new("--metrics-urls")
    {
        Description = "Serve GET /metrics here alone, on another port; without it, /metrics is on the webhook port.",
        HelpName = "https://HOST:PORT",
        CustomParser = result => ParseUrl(result),
    };

    private readonly Option<string?> _tlsCert = new("--tls-cert")
    {
        Description = "The serving certificate, PEM, with --tls-key; reloaded when it changes. Without both, a development certificate.",
        HelpName = "FILE",
    };

    private readonly Option<string?> _tlsKey = new("--tls-key") { Description = "The certificate's private key, PEM, RSA or ECDSA.", HelpName = "FILE" };

    private readonly Option<string?> _clientCa = new("--client-ca")
    {
        Description = "Answer on the webhook paths only clients whose certificate this CA (PEM) signed.",
        HelpName = "FILE",
    };

    private readonly Option<string?> _catalog = new("--catalog") { Description = "A YAML file or folder of manifests as the catalog.", HelpName = "PATH" };

    private readonly Option<string?> _kubeconfig = new("--kubeconfig")
    {
        Description = "The cluster to follow without --catalog; else the pod's service account, else KUBECONFIG or ~/.kube/config.",
        HelpName = "FILE",
    };

    private readonly Option<string> _namespace = Cli.NamespaceOption();

    private readonly Option<TimeSpan?> _shutdownDelay = new("--shutdown-delay")
    {
        Description = $"After SIGTERM, how long to keep answering (not ready) before no longer accepting; 0 to {MaxShutdownDelaySeconds}, default 5.",
        HelpName = "SECONDS",
        CustomParser = ParseShutdownDelay,
    };

    public ServeCommand()
        : base("serve", "The mutating and validating admission webhooks over HTTPS.")
    {
        Options.Add(_catalog);
        Options.Add(_kubeconfig);
        Options.Add(_url);
        Options.Add(_metricsUrl);
        Options.Add(_tlsCert);
        Options.Add(_tlsKey);
        Options.Add(_clientCa);
        Options.Add(_namespace);
        Options.Add(_shutdownDelay);
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
    };

    private static async Task<int> RunAsync(ServeOptions options)
    {
        var devCaFile = options.TlsCertFile is null ? DevelopmentCertificate.DefaultCaFile : null;
        using var files = devCaFile is null
            ? ServingCertificateReloader.Load(options.TlsCertFile!, options.TlsKeyFile!, TimeProvider.System)
            : null;
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
                WebhookLog.DevelopmentCertificate(logger, devCaFile, LocalUrl(address));
            }
        }
        await app.WaitForShutdownAsync();
        return Cli.ExitOk;
    }

    /// <summary>An address a client on this machine can use: loopback in place of "every address".</summary>
    private static string LocalUrl(string address) =>
        address.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).Replace("[::]", "127.0.0.1", StringComparison.Ordinal);

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
