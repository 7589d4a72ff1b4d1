using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.WebUtilities;
using StackBlaze.Webhook.Admission;
using StackBlaze.Webhook.Catalog;

namespace StackBlaze.Webhook.Server;

/// <summary>The HTTPS server: Kestrel, the webhook paths, and the health probes. Nothing else.</summary>
internal static class WebhookServer
{
    /// <summary>The API server's own limit on a request body.</summary>
    public const long MaxRequestBodyBytes = 3 * 1024 * 1024;

    public const string MutatePath = "/mutate";

    public const string ValidatePath = "/validate";

    public static WebApplication Create(ServeOptions options, X509Certificate2 certificate, IProjectCatalog catalog, Action<WebApplicationBuilder>? configure = null) =>
        Create(options, () => certificate, catalog, configure);

    /// <param name="options">Where to listen.</param>
    /// <param name="certificate">Asked at each TLS handshake: a renewed certificate serves new connections at once.</param>
    /// <param name="catalog">What links and the public-URL policy resolve against.</param>
    /// <param name="configure">Additions: the cluster catalog's sync, or no logging at all in tests.</param>
    public static WebApplication Create(ServeOptions options, Func<X509Certificate2> certificate, IProjectCatalog catalog, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        ConfigureLogging(builder.Logging);
        builder.Services.AddSingleton(catalog);
        builder.Services.AddSingleton<AdmissionEndpoint>();
        builder.Services.AddSingleton(new MutatingAdmission(catalog));
        builder.Services.AddSingleton(new ValidatingAdmission(catalog));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
            Listen(kestrel, options.Url, https =>
            {
                https.ServerCertificateSelector = (_, _) => certificate();
                https.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;
            });
        });

        configure?.Invoke(builder);
        var app = builder.Build();
        // 404 and 405 get a one-line reason like every other refusal.
        app.UseStatusCodePages(context => HttpAnswers.WriteErrorAsync(
            context.HttpContext,
            context.HttpContext.Response.StatusCode,
            $"{ReasonPhrases.GetReasonPhrase(context.HttpContext.Response.StatusCode)}: the webhook serves POST {MutatePath}, POST {ValidatePath}, GET /healthz and GET /readyz"));

        var endpoint = app.Services.GetRequiredService<AdmissionEndpoint>();
        var mutating = app.Services.GetRequiredService<MutatingAdmission>();
        var validating = app.Services.GetRequiredService<ValidatingAdmission>();
        app.MapPost(MutatePath, (HttpContext http) => endpoint.HandleAsync(http, mutating.Review));
        app.MapPost(ValidatePath, (HttpContext http) => endpoint.HandleAsync(http, validating.Review));
        app.MapGet("/healthz", () => "ok");
        // Ready once the catalog holds a full picture: until then admission would only say "syncing".
        app.MapGet("/readyz", () => catalog.IsSynced ? Results.Text("ready") : Results.Text("catalog syncing", statusCode: StatusCodes.Status503ServiceUnavailable));
        return app;
    }

    private static void ConfigureLogging(ILoggingBuilder logging)
    {
        logging.ClearProviders();
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

    private static void Listen(Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions kestrel, Uri url, Action<Microsoft.AspNetCore.Server.Kestrel.Https.HttpsConnectionAdapterOptions> https)
    {
        if (url.IsLoopback && url.HostNameType == UriHostNameType.Dns)
        {
            kestrel.ListenLocalhost(url.Port, listen => listen.UseHttps(https));
            return;
        }
        var address = url.Host is "0.0.0.0" or "*" or "+" ? IPAddress.Any : IPAddress.Parse(url.Host.Trim('[', ']'));
        kestrel.Listen(address, url.Port, listen => listen.UseHttps(https));
    }
}
