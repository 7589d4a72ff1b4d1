using System.Security.Cryptography.X509Certificates;
using StackBlaze.Webhook.Catalog;

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
        var kinds = Enum.GetValues<CatalogKind>().Select(kind => (kind, metrics.CatalogObjects.WithLabels(kind.ToString().ToLowerInvariant()))).ToArray();
        metrics.Registry.AddBeforeCollectCallback(() =>
        {
            foreach (var (kind, gauge) in kinds)
            {
                gauge.Set(live.Count(kind));
            }
            if (live.LastEventAt is { } last)
            {
                metrics.CatalogLastEventAge.Set((time.GetUtcNow() - last).TotalSeconds);
            }
        });
    }
}
