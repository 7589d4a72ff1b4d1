using Prometheus;
using StackBlaze.Webhook.Admission;

namespace StackBlaze.Webhook.Observability;

/// <summary>
/// One webhook path's series, every label combination created up front: recording a request is
/// array indexing and atomic adds, with no label lookup or allocation, and every series exists
/// (at zero) from the first scrape, so rates never start from a missing series.
/// </summary>
internal sealed class EndpointMetrics
{
    private readonly Counter.Child[,] _requests;
    private readonly Histogram.Child _duration;
    private readonly Counter _injected;
    private readonly Counter.Child[] _findings;

    public EndpointMetrics(WebhookMetrics metrics, string endpoint)
    {
        _requests = new Counter.Child[MetricLabels.Operations.Length, MetricLabels.Outcomes.Length];
        for (var op = 0; op < MetricLabels.Operations.Length; op++)
        {
            for (var outcome = 0; outcome < MetricLabels.Outcomes.Length; outcome++)
            {
                _requests[op, outcome] = metrics.Requests.WithLabels(endpoint, MetricLabels.Operations[op], MetricLabels.Outcomes[outcome]);
            }
        }
        _duration = metrics.Duration.WithLabels(endpoint);
        _injected = metrics.InjectedVariables;
        _findings = [.. MetricLabels.Modes.Select(mode => metrics.PublicUrlFindings.WithLabels(mode))];
    }

    public void Record(AdmissionExchange exchange, TimeSpan elapsed)
    {
        _requests[MetricLabels.OperationIndex(exchange.Operation), MetricLabels.OutcomeIndex(exchange)].Inc();
        _duration.Observe(elapsed.TotalSeconds);
        if (exchange.Answer?.Verdict is not { } verdict)
        {
            return;
        }
        if (verdict.InjectedEnv.Count > 0)
        {
            _injected.Inc(verdict.InjectedEnv.Count);
        }
        if (verdict.Findings is { Count: > 0 } findings)
        {
            _findings[(int)findings.Mode].Inc(findings.Count);
        }
    }
}
