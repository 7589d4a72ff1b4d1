using System.Security.Cryptography.X509Certificates;
using StackBlaze.Webhook.Core.Catalog;

namespace StackBlaze.Webhook.Observability;

/// <summary>
/// Gauges read at scrape time rather than kept up to date: the certificate's remaining life, and
/// the live catalog's size and freshness. Nothing on the admission path touches them.
/// </summary>
internal static class ScrapeTimeMetrics
{
    public static void Register(WebhookMetrics metrics, Func<X509Certificate2> certificate, IProjectCatalog catalog, TimeProvider time)
    {
        metrics.Registry.AddBeforeCollectCallback(() =>
            metrics.CertificateExpiry.Set((certificate().NotAfter.ToUniversalTime() - time.GetUtcNow().UtcDateTime).TotalSeconds));

        if (catalog is not LiveProjectCatalog live)
        {
            return;
        }
        var kinds = Enum.GetValues<CatalogKind>()
            .Select(kind => (Kind: kind, Label: kind.ToString().ToLowerInvariant()))
            .Select(k => (k.Kind, Objects: metrics.CatalogObjects.WithLabels(k.Label), Age: metrics.CatalogLastEventAge.WithLabels(k.Label)))
            .ToArray();
        metrics.Registry.AddBeforeCollectCallback(() =>
        {
            var now = time.GetUtcNow();
            foreach (var (kind, objects, age) in kinds)
            {
                objects.Set(live.Count(kind));
                // A kind not heard from yet has no age rather than a made-up one.
                if (live.LastEventAt(kind) is { } last)
                {
                    age.Set((now - last).TotalSeconds);
                }
            }
        });
    }
}
