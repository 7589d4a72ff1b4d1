using StackBlaze.Webhook.Logging;

namespace StackBlaze.Webhook.Server;

/// <summary>
/// On SIGTERM, keeps the server answering for a while before Kestrel stops accepting: endpoints
/// take seconds to drop a terminating pod, and the API server keeps calling it until they do.
/// Readiness turns false at once (the host's ApplicationStopping), this holds the stop back,
/// then Kestrel finishes what is in flight.
/// </summary>
internal sealed class ShutdownDelay(TimeSpan delay, TimeProvider time, ILogger<ShutdownDelay> logger) : IHostedLifecycleService
{
    /// <summary>Time the in-flight requests get once the delay is over; the webhooks' own timeout is 3 s.</summary>
    public static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(10);

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        WebhookLog.ShuttingDown(logger, delay.TotalSeconds);
        try
        {
            await Task.Delay(delay, time, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The host's shutdown timeout is over: stop now rather than be killed.
        }
        WebhookLog.Draining(logger);
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
