using System.Globalization;
using System.Text.RegularExpressions;
using System.Security.Cryptography.X509Certificates;
using k8s;
using StackBlaze.Webhook.Core.Catalog;
using StackBlaze.Webhook.Cluster;
using StackBlaze.Webhook.Logging;
using StackBlaze.Webhook.Core.Manifests;
using StackBlaze.Webhook.Server;

namespace StackBlaze.Webhook.CommandLine;

/// <summary><c>serve</c>: the admission webhook over HTTPS.</summary>
internal static partial class ServeCommand
{
    public const string Usage = "stackblaze-webhook serve [--catalog PATH | --kubeconfig FILE] [--urls https://HOST:PORT] [--metrics-urls https://HOST:PORT] [--tls-cert FILE --tls-key FILE] [--client-ca FILE] [-n NAMESPACE] [--shutdown-delay SECONDS]";

    /// <summary>Beyond this the kubelet's grace period (30 s by default) would kill the pod mid-delay anyway.</summary>
    public const double MaxShutdownDelaySeconds = 600;

    private static readonly Dictionary<string, string?> Options = new()
    {
        ["urls"] = null,
        ["metrics-urls"] = null,
        ["tls-cert"] = null,
        ["tls-key"] = null,
        ["client-ca"] = null,
        ["catalog"] = null,
        ["kubeconfig"] = null,
        ["namespace"] = "-n",
        ["shutdown-delay"] = null,
    };

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var options = ParseOptions(args);
        var devCaFile = options.TlsCertFile is null ? DevelopmentCertificate.DefaultCaFile : null;
        using var files = devCaFile is null
            ? ServingCertificateReloader.Load(options.TlsCertFile!, options.TlsKeyFile!, TimeProvider.System)
            : null;
        using var development = devCaFile is null ? null : DevelopmentCertificate.Create(devCaFile, TimeProvider.System);
        Func<X509Certificate2> certificate = files is null ? () => development! : () => files.Current;

        await using var app = Build(options, certificate);
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

    /// <summary>The server with its catalog: from manifests with <c>--catalog</c>, else followed from the cluster.</summary>
    internal static WebApplication Build(ServeOptions options, Func<X509Certificate2> certificate, Action<WebApplicationBuilder>? configure = null)
    {
        if (options.CatalogPath is { } path)
        {
            var catalog = ManifestCatalog.FromDocuments(ManifestReader.ReadAll([path], TextReader.Null), options.DefaultNamespace);
            var app = WebhookServer.Create(options, certificate, catalog, configure);
            WebhookLog.CatalogLoaded(app.Logger, path, catalog.Count);
            return app;
        }

        var cluster = KubernetesConnection.Resolve(options.KubeconfigPath);
        var live = new LiveProjectCatalog();
        var server = WebhookServer.Create(options, certificate, live, builder =>
        {
            builder.Services.AddSingleton(live);
            builder.Services.AddSingleton(_ => new Kubernetes(cluster));
            builder.Services.AddSingleton(TimeProvider.System);
            builder.Services.AddSingleton(WatchTimings.Default);
            builder.Services.AddHostedService<ClusterCatalogSync>();
            configure?.Invoke(builder);
        });
        WebhookLog.WatchingCluster(server.Logger, cluster.Host);
        return server;
    }

    internal static ServeOptions ParseOptions(IReadOnlyList<string> args)
    {
        var parsed = new ParsedArguments(args, Options, new HashSet<string>());
        var url = ParseUrl("urls", parsed.Value("urls") ?? ServeOptions.DefaultUrl);
        var metricsUrl = parsed.Value("metrics-urls") is { } metricsText ? ParseUrl("metrics-urls", metricsText) : null;
        if (metricsUrl is not null && metricsUrl.Port == url.Port && url.Port != 0)
        {
            throw new UsageException($"--metrics-urls needs a port of its own, not --urls' {url.Port}");
        }
        var cert = parsed.Value("tls-cert");
        var key = parsed.Value("tls-key");
        if ((cert is null) != (key is null))
        {
            throw new UsageException("--tls-cert and --tls-key go together");
        }
        var catalog = parsed.Value("catalog");
        var kubeconfig = parsed.Value("kubeconfig");
        if (catalog is not null && kubeconfig is not null)
        {
            throw new UsageException("--catalog and --kubeconfig exclude each other: the catalog comes from files or from a cluster");
        }
        return new ServeOptions(url, cert, key, catalog, parsed.Value("namespace") ?? Cli.DefaultNamespace, kubeconfig)
        {
            ShutdownDelay = ParseShutdownDelay(parsed.Value("shutdown-delay")),
            MetricsUrl = metricsUrl,
            ClientCaFile = parsed.Value("client-ca"),
        };
    }

    /// <summary>An https URL whose host is an IP address or localhost; <c>*</c> and <c>+</c> mean every address, as <c>[::]</c>.</summary>
    private static Uri ParseUrl(string option, string text)
    {
        var anyHost = AnyHostPattern().Replace(text, "https://[::]:");
        if (!Uri.TryCreate(anyHost, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps || url.AbsolutePath != "/"
            || !(url.IsLoopback && url.HostNameType == UriHostNameType.Dns || url.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6))
        {
            throw new UsageException($"--{option} must be https://HOST:PORT with an IP address, [::], * or localhost as HOST, not \"{text}\"");
        }
        return url;
    }

    private static TimeSpan ParseShutdownDelay(string? text)
    {
        if (text is null)
        {
            return ServeOptions.DefaultShutdownDelay;
        }
        return double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) && seconds <= MaxShutdownDelaySeconds
            ? TimeSpan.FromSeconds(seconds)
            : throw new UsageException($"--shutdown-delay must be a number of seconds from 0 to {MaxShutdownDelaySeconds}, not \"{text}\"");
    }

    [GeneratedRegex(@"^https://[*+]:", RegexOptions.CultureInvariant)]
    private static partial Regex AnyHostPattern();
}
