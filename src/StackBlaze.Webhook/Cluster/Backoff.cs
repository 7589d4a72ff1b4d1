namespace StackBlaze.Webhook.Cluster;

/// <summary>
/// Exponential backoff with jitter, so that replicas that lost the API server together do not
/// come back at it together.
/// </summary>
internal sealed class Backoff(TimeProvider time, TimeSpan first, TimeSpan max)
{
    private int _failures;

    public static Backoff Default(TimeProvider time) => new(time, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(30));

    public void Reset() => _failures = 0;

    /// <summary>The next wait: doubled each time up to the maximum, then between half and all of it.</summary>
    public TimeSpan Next()
    {
        var ceiling = Math.Min(max.TotalMilliseconds, first.TotalMilliseconds * Math.Pow(2, Math.Min(_failures++, 20)));
        return TimeSpan.FromMilliseconds(ceiling * (0.5 + (Random.Shared.NextDouble() / 2)));
    }

    public Task WaitAsync(CancellationToken cancellationToken) => Task.Delay(Next(), time, cancellationToken);
}
