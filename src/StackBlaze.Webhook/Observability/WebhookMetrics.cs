using Prometheus;

namespace StackBlaze.Webhook.Observability;

/// <summary>
/// The server's metrics, in a registry of its own: two servers in one process (tests) never mix
/// their counts, and nothing the library would collect by default runs unasked.
/// </summary>
internal sealed class WebhookMetrics
{
    /// <summary>The API server's own webhook latency buckets, with finer ones below 5 ms where this webhook answers.</summary>
    public static readonly double[] DurationBuckets = [0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.025, 0.1, 0.5, 1, 2.5, 10, 25];

    public WebhookMetrics()
    {
        Registry = Metrics.NewCustomRegistry();
        // Resident memory, CPU and GC counts: what a soak or an OOM kill is judged by.
        DotNetStats.Register(Registry);
        var factory = Metrics.WithCustomRegistry(Registry);
        Requests = factory.CreateCounter("stackblaze_webhook_admission_requests_total",
            "AdmissionReviews answered, by webhook path, operation and outcome (allowed, patched, denied, error).",
            ["endpoint", "operation", "outcome"]);
        Duration = factory.CreateHistogram("stackblaze_webhook_admission_duration_seconds",
            "Time from the request to the end of the answer, by webhook path.",
            new HistogramConfiguration { LabelNames = ["endpoint"], Buckets = DurationBuckets });
        InjectedVariables = factory.CreateCounter("stackblaze_webhook_injected_variables_total",
            "Environment variables injected into pods by the mutating webhook.");
        PublicUrlFindings = factory.CreateCounter("stackblaze_webhook_public_url_findings_total",
            "Calls to a project's own public URLs found by the validating webhook, by the namespace's policy mode.",
            ["mode"]);
        CatalogObjects = factory.CreateGauge("stackblaze_webhook_catalog_objects",
            "Objects the live catalog holds, by kind.", ["kind"]);
        CatalogLastEventAge = factory.CreateGauge("stackblaze_webhook_catalog_last_event_age_seconds",
            "Seconds since the cluster last sent the catalog a list, a watch event or a bookmark of the kind.",
            new GaugeConfiguration { LabelNames = ["kind"], SuppressInitialValue = true });
        CatalogWatchRestarts = factory.CreateCounter("stackblaze_webhook_catalog_watch_restarts_total",
            "Watches of the catalog begun again, by kind and why: failed (refused, broken, ended at once), gone (410: listed again), silent (replaced), continue_expired (listed whole).",
            ["kind", "reason"]);
        NetworkPolicyWrites = factory.CreateCounter("stackblaze_webhook_network_policy_writes_total",
            "NetworkPolicies the reconciler wrote, by operation (apply, delete).", ["operation"]);
        NetworkPolicyRefusals = factory.CreateCounter("stackblaze_webhook_network_policy_refusals_total",
            "NetworkPolicy writes the API server refused (a conflict with another field manager, an invalid object), by operation.", ["operation"]);
        NetworkPolicyRoundFailures = factory.CreateCounter("stackblaze_webhook_network_policy_round_failures_total",
            "Reconciler rounds that failed on the API server or the network, and were tried again after a backoff.");
        CertificateExpiry = factory.CreateGauge("stackblaze_webhook_certificate_expiry_seconds",
            "Seconds until the serving certificate presented to new connections expires.",
            new GaugeConfiguration { SuppressInitialValue = true });
    }

    public CollectorRegistry Registry { get; }

    public Counter Requests { get; }

    public Histogram Duration { get; }

    public Counter InjectedVariables { get; }

    public Counter PublicUrlFindings { get; }

    public Gauge CatalogObjects { get; }

    public Gauge CatalogLastEventAge { get; }

    public Counter CatalogWatchRestarts { get; }

    public Counter NetworkPolicyWrites { get; }

    public Counter NetworkPolicyRefusals { get; }

    public Counter NetworkPolicyRoundFailures { get; }

    public Gauge CertificateExpiry { get; }

    /// <summary>The labelled series of one webhook path, made once so that a request looks nothing up.</summary>
    public EndpointMetrics For(string endpoint) => new(this, endpoint);
}
