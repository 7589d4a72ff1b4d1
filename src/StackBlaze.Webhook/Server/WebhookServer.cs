using System.Net;
using System.Security.Cryptography.X509Certificates;
using k8s;
using Microsoft.AspNetCore.WebUtilities;
using Prometheus;
using StackBlaze.Webhook.Admission;
using StackBlaze.Webhook.Cluster;
using StackBlaze.Webhook.Core.Admission;
using StackBlaze.Webhook.Core.Catalog;
using StackBlaze.Webhook.Core.Manifests;
using StackBlaze.Webhook.Logging;
using StackBlaze.Webhook.NetworkPolicies;
using StackBlaze.Webhook.Observability;

namespace StackBlaze.Webhook.Server;

/// <summary>
/// The server, put together in this one place for <c>serve</c>, the tests and the benchmark alike:
/// its catalog, Kestrel, the webhook paths, and the health probes.
/// </summary>
internal static class WebhookServer
{
    /// <summary>The API server's own limit on a request body.</summary>
    public const long MaxRequestBodyBytes = 3 * 1024 * 1024;

    public const string MutatePath = "/mutate";

    public const string ValidatePath = "/validate";

    public const string HealthPath = "/healthz";

    public const string ReadyPath = "/readyz";

    /// <summary>Whether the path is one the kubelet's probes ask, which must answer without a client certificate.</summary>
    public static bool IsProbe(PathString path) => path == HealthPath || path == ReadyPath;

    /// <summary>
    /// The server as <c>serve</c> runs it, put together here alone. <paramref name="certificate"/> is asked at each TLS handshake,
    /// so a renewed one serves new connections at once; <paramref name="catalog"/>, when given, replaces the one the options name;
    /// <paramref name="configure"/> adds or replaces last (a test's clock, logs or watch timings).
    /// </summary>
    public static WebApplication Create(
        ServeOptions options, Func<X509Certificate2> certificate, IProjectCatalog? catalog = null, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        var announce = catalog is null ? AddCatalog(options, builder.Services, out catalog) : null;
        var clientCa = options.ClientCaFile is { } caFile ? ClientCertificateAuthority.Load(caFile) : null;
        ConfigureLogging(builder.Logging);
        builder.Services.AddSingleton(TimeProvider.System);
        if (clientCa is not null)
        {
            // Made by a factory, so the container disposes it with the app.
            builder.Services.AddSingleton(_ => clientCa);
        }
        builder.Services.AddSingleton(catalog);
        builder.Services.AddSingleton(services => new AdmissionEndpoint(
            services.GetRequiredService<ILogger<AdmissionEndpoint>>(), options.Limits.MaxConcurrentReviews));
        builder.Services.AddSingleton<WebhookMetrics>();
        builder.Services.AddSingleton(services => new ServingCertificateValidity(
            options.TlsCertFile ?? "(development certificate)", certificate, services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILogger<ServingCertificateValidity>>()));
        builder.Services.AddHostedService(services => new ShutdownDelay(
            options.ShutdownDelay, services.GetRequiredService<TimeProvider>(), services.GetRequiredService<ILogger<ShutdownDelay>>()));
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = options.ShutdownDelay + ShutdownDelay.DrainTimeout);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            KestrelHardening.ApplyLimits(kestrel, options.Limits);
            var clock = kestrel.ApplicationServices.GetRequiredService<TimeProvider>();
            void Https(Microsoft.AspNetCore.Server.Kestrel.Core.ListenOptions listen, ClientCertificateAuthority? clients)
            {
                listen.UseHttps(https =>
                {
                    https.ServerCertificateSelector = (_, _) => certificate();
                    KestrelHardening.ApplyTls(https, options.Limits);
                    if (clients is not null)
                    {
                        // Every client is asked; one that presents none still connects (the kubelet's probes).
                        https.ClientCertificateMode = Microsoft.AspNetCore.Server.Kestrel.Https.ClientCertificateMode.AllowCertificate;
                        // Kestrel's own errors are about the machine's store, which plays no part here.
                        https.ClientCertificateValidation = (certificate, _, _) => clients.Trusts(certificate, clock.GetUtcNow());
                    }
                });
                listen.Use(FirstRequestDeadline.Middleware(options.Limits.RequestHeadersTimeout, clock));
            }
            // Kestrel lists one address per listener in this order: the webhook's, then the metrics'.
            Listen(kestrel, options.Url, listen => Https(listen, clientCa));
            if (options.MetricsUrl is { } metricsUrl)
            {
                // Prometheus scrapes it with no client certificate; the NetworkPolicy says who may.
                Listen(kestrel, metricsUrl, listen =>
                {
                    Https(listen, clients: null);
                    listen.Use(MetricsListener.Middleware);
                });
            }
        });

        configure?.Invoke(builder);
        var app = builder.Build();
        announce?.Invoke(app.Logger);
        var separateMetrics = options.MetricsUrl is not null;
        var webhookPaths = separateMetrics
            ? $"POST {MutatePath}, POST {ValidatePath}, GET /healthz and GET /readyz"
            : $"POST {MutatePath}, POST {ValidatePath}, GET /healthz, GET /readyz and GET {MetricsListener.Path}";
        // 404 and 405 get a one-line reason like every other refusal.
        app.UseStatusCodePages(context => HttpAnswers.WriteErrorAsync(
            context.HttpContext,
            context.HttpContext.Response.StatusCode,
            $"{ReasonPhrases.GetReasonPhrase(context.HttpContext.Response.StatusCode)}: "
            + (MetricsListener.Received(context.HttpContext) ? $"the metrics port serves GET {MetricsListener.Path} only" : $"the webhook serves {webhookPaths}")));

        var stopping = app.Lifetime.ApplicationStopping;
        // While shutting down, every answer closes its connection: clients open new ones, which are
        // still accepted during the delay, and no idle keep-alive connection is left for the stop to cut.
        app.Use((http, next) =>
        {
            FirstRequestDeadline.Arrived(http);
            if (stopping.IsCancellationRequested)
            {
                http.Response.Headers.Connection = "close";
            }
            return next(http);
        });

        if (clientCa is not null)
        {
            app.Use(ClientCertificateAuthority.Middleware(clientCa.File));
        }

        // With a metrics listener, each port answers 404 to what the other one serves.
        if (separateMetrics)
        {
            app.Use((http, next) =>
            {
                if (MetricsListener.Serves(http))
                {
                    return next(http);
                }
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            });
        }

        var time = app.Services.GetRequiredService<TimeProvider>();
        var metrics = app.Services.GetRequiredService<WebhookMetrics>();
        ScrapeTimeMetrics.Register(metrics, certificate, catalog, time);
        var endpoint = app.Services.GetRequiredService<AdmissionEndpoint>();
        var mutate = new MeteredAdmissionEndpoint(endpoint, metrics.For(MetricLabels.Mutate), time);
        var validate = new MeteredAdmissionEndpoint(endpoint, metrics.For(MetricLabels.Validate), time);
        app.MapPost(MutatePath, Answer(mutate, new MutatingAdmission(catalog).Review));
        app.MapPost(ValidatePath, Answer(validate, new ValidatingAdmission(catalog).Review));
        // Alive even with a bad certificate: a restart would load the same Secret again.
        app.MapGet(HealthPath, () => "ok");
        var validity = app.Services.GetRequiredService<ServingCertificateValidity>();
        // Logged at start, not only at the first probe.
        app.Lifetime.ApplicationStarted.Register(() => validity.Problem());
        // Not ready from the moment shutdown starts, so that endpoints drop this pod while it still answers;
        // nor while its certificate is out of its dates, which every API server call would refuse;
        // before that, ready once the catalog holds a full picture: until then admission would only say "syncing".
        app.MapGet(ReadyPath, () =>
            stopping.IsCancellationRequested ? Results.Text("shutting down", statusCode: StatusCodes.Status503ServiceUnavailable)
            : validity.Problem() is { } problem ? Results.Text(problem, statusCode: StatusCodes.Status503ServiceUnavailable)
            : catalog.IsSynced ? Results.Text("ready")
            : Results.Text("catalog syncing", statusCode: StatusCodes.Status503ServiceUnavailable));
        app.MapMetrics(MetricsListener.Path, metrics.Registry);
        return app;
    }

    /// <summary>The manifests of <c>--catalog</c>, else the cluster's, watched in the background; and what to log of it once built.</summary>
    private static Action<ILogger> AddCatalog(ServeOptions options, IServiceCollection services, out IProjectCatalog catalog)
    {
        if (options.CatalogPath is { } path)
        {
            var files = ManifestCatalog.FromDocuments(ManifestReader.ReadAll([path], TextReader.Null), options.DefaultNamespace, options.Hosts);
            catalog = files;
            return logger => WebhookLog.CatalogLoaded(logger, path, files.Count);
        }
        var cluster = KubernetesConnection.Resolve(options.KubeconfigPath);
        var live = new LiveProjectCatalog { Hosts = options.Hosts };
        services.AddSingleton(live);
        services.AddSingleton(_ => new Kubernetes(cluster));
        services.AddSingleton(WatchTimings.Default);
        services.AddHostedService<ClusterCatalogSync>();
        // Only the elected replica writes NetworkPolicies; every replica serves admission.
        services.AddSingleton(LeaderElectionOptions.Resolve(options.LeaderElectionNamespace));
        services.AddSingleton<LeaseElector>();
        services.AddSingleton(NetworkPolicyTimings.Default);
        services.AddSingleton(options.LinkPolicies);
        services.AddSingleton<IDesiredPolicies, CatalogPolicies>();
        services.AddHostedService<NetworkPolicyReconciler>();
        catalog = live;
        return logger => WebhookLog.WatchingCluster(logger, cluster.Host);
    }

    // The exchange is for the decorators; the answer itself is already written.
    private static RequestDelegate Answer(MeteredAdmissionEndpoint endpoint, Func<AdmissionAttributes, AdmissionVerdict> review) =>
        async http => await endpoint.HandleAsync(http, review);

    private static void ConfigureLogging(ILoggingBuilder logging)
    {
        logging.ClearProviders();
        // Four lines per request from ASP.NET Core would drown the one line per denial, and cost CPU under load.
        logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // Hosting makes an Activity and a log scope for every request whenever its category logs at all;
        // it has nothing to say that Kestrel and the endpoint do not, so it is off (and so are those allocations).
        logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        // Machines read logs in clusters, people read them on terminals.
        if (Console.IsOutputRedirected)
        {
            logging.AddJsonConsole(json => json.IncludeScopes = false);
        }
        else
        {
            logging.AddSimpleConsole(console => console.SingleLine = true);
        }
    }

    private static void Listen(Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions kestrel, Uri url, Action<Microsoft.AspNetCore.Server.Kestrel.Core.ListenOptions> configure)
    {
        if (url.IsLoopback && url.HostNameType == UriHostNameType.Dns)
        {
            kestrel.ListenLocalhost(url.Port, configure);
            return;
        }
        var address = IPAddress.Parse(url.Host.Trim('[', ']'));
        if (address.Equals(IPAddress.IPv6Any))
        {
            // Dual-stack: one IPv6 socket that takes IPv4 too, or IPv4 alone where the node has IPv6 off.
            kestrel.ListenAnyIP(url.Port, configure);
            return;
        }
        kestrel.Listen(address, url.Port, configure);
    }
}
