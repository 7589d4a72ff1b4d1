using StackBlaze.Webhook.Admission;
using StackBlaze.Webhook.Core.Admission;

namespace StackBlaze.Webhook.Observability;

/// <summary>Counts and times every answer of one webhook path; the endpoint and the domain know nothing of it.</summary>
internal sealed class MeteredAdmissionEndpoint(IAdmissionEndpoint inner, EndpointMetrics metrics, TimeProvider time) : IAdmissionEndpoint
{
    public async Task<AdmissionExchange> HandleAsync(HttpContext http, Func<AdmissionAttributes, AdmissionVerdict> review)
    {
        var started = time.GetTimestamp();
        // An answer that could not be written (the client went away) still counts, as an error.
        var exchange = AdmissionExchange.Unanswered;
        try
        {
            exchange = await inner.HandleAsync(http, review);
            return exchange;
        }
        finally
        {
            metrics.Record(exchange, time.GetElapsedTime(started));
        }
    }
}
