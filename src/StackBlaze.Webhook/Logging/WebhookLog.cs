namespace StackBlaze.Webhook.Logging;

/// <summary>The server's log events, with stable ids and structured fields; never a Secret value or a whole object.</summary>
/// <remarks>
/// Parameters are never <c>@namespace</c>: the generator would name the JSON field "@namespace";
/// "NamespaceName" is what log queries filter on.
/// </remarks>
internal static partial class WebhookLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "Listening on {Url}")]
    public static partial void Listening(ILogger logger, string url);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning,
        Message = "No --tls-cert given: serving a development certificate for localhost and 127.0.0.1; its CA is {CaPath}. Try: curl --cacert {CaPath} {Url}/healthz")]
    public static partial void DevelopmentCertificate(ILogger logger, string caPath, string url);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information,
        Message = "Catalog loaded from {Path}: {ServiceCount} services")]
    public static partial void CatalogLoaded(ILogger logger, string path, int serviceCount);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information,
        Message = "Metrics on {Url}: GET /metrics only, and not on the webhook port")]
    public static partial void MetricsListening(ILogger logger, string url);

    [LoggerMessage(EventId = 10, Level = LogLevel.Information,
        Message = "{Path} denied {Kind} {NamespaceName}/{Name} (uid {Uid}), with {WarningCount} warnings: {Reason}")]
    public static partial void Denied(ILogger logger, string? path, string namespaceName, string kind, string? name, string uid, int warningCount, string? reason);

    /// <summary>All of a review's warnings in one line.</summary>
    [LoggerMessage(EventId = 11, Level = LogLevel.Information,
        Message = "{Path} warned on {Kind} {NamespaceName}/{Name} (uid {Uid}), {WarningCount} warnings: {Warning}")]
    public static partial void Warned(ILogger logger, string? path, string namespaceName, string kind, string? name, string uid, int warningCount, string warning);

    [LoggerMessage(EventId = 20, Level = LogLevel.Error,
        Message = "Review of {Kind} {NamespaceName}/{Name} (uid {Uid}) failed; denied")]
    public static partial void ReviewFailed(ILogger logger, Exception exception, string namespaceName, string kind, string? name, string uid);

    [LoggerMessage(EventId = 30, Level = LogLevel.Information,
        Message = "Serving certificate {Subject} from {CertFile}, expires {NotAfter:O}")]
    public static partial void ServingCertificate(ILogger logger, string certFile, string subject, DateTime notAfter);

    [LoggerMessage(EventId = 31, Level = LogLevel.Information,
        Message = "Serving certificate reloaded from {CertFile}: {Subject}, expires {NotAfter:O}")]
    public static partial void ServingCertificateReloaded(ILogger logger, string certFile, string subject, DateTime notAfter);

    [LoggerMessage(EventId = 32, Level = LogLevel.Warning,
        Message = "Serving certificate files {CertFile} and {KeyFile} changed but cannot be loaded; still serving the previous certificate, which expires {NotAfter:O}: {Reason}")]
    public static partial void ServingCertificateNotReloaded(ILogger logger, string certFile, string keyFile, DateTime notAfter, string reason);

    [LoggerMessage(EventId = 33, Level = LogLevel.Error,
        Message = "Serving certificate {CertFile} is not valid now ({Now:O}): valid from {NotBefore:O} to {NotAfter:O}. The API server refuses it, so /readyz fails until it is replaced")]
    public static partial void ServingCertificateNotValid(ILogger logger, string certFile, DateTime now, DateTime notBefore, DateTime notAfter);

    [LoggerMessage(EventId = 40, Level = LogLevel.Information,
        Message = "Listed {Kind}: {Count} objects at resourceVersion {ResourceVersion}")]
    public static partial void Listed(ILogger logger, StackBlaze.Webhook.Core.Catalog.CatalogKind kind, int count, string resourceVersion);

    [LoggerMessage(EventId = 41, Level = LogLevel.Warning,
        Message = "Listing {Kind} in pages failed: the continue token expired; listing them in one request")]
    public static partial void ContinueExpired(ILogger logger, StackBlaze.Webhook.Core.Catalog.CatalogKind kind);

    [LoggerMessage(EventId = 42, Level = LogLevel.Warning,
        Message = "Watch of {Kind} failed ({Failures} in a row), retrying with backoff: {Reason}")]
    public static partial void WatchFailed(ILogger logger, StackBlaze.Webhook.Core.Catalog.CatalogKind kind, int failures, string reason);

    [LoggerMessage(EventId = 45, Level = LogLevel.Warning,
        Message = "Watch of {Kind} sent nothing for {Seconds} s, not even a bookmark: replaced")]
    public static partial void WatchSilent(ILogger logger, StackBlaze.Webhook.Core.Catalog.CatalogKind kind, double seconds);

    [LoggerMessage(EventId = 43, Level = LogLevel.Information,
        Message = "Namespace {NamespaceName} became a project: listing ConfigMaps again to hold its own")]
    public static partial void ProjectAppeared(ILogger logger, string namespaceName);

    [LoggerMessage(EventId = 44, Level = LogLevel.Information,
        Message = "Catalog from the cluster at {Server}")]
    public static partial void WatchingCluster(ILogger logger, string server);

    [LoggerMessage(EventId = 50, Level = LogLevel.Information,
        Message = "Shutting down: not ready any more, still answering for {DelaySeconds} s while endpoints drop this pod")]
    public static partial void ShuttingDown(ILogger logger, double delaySeconds);

    [LoggerMessage(EventId = 51, Level = LogLevel.Information,
        Message = "Shutdown delay over: no new connections; finishing the requests in flight")]
    public static partial void Draining(ILogger logger);
}
