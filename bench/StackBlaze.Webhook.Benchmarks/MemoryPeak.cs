namespace StackBlaze.Webhook.Benchmarks;

/// <summary>A server's resident memory when warmed up, and the most it reached while sampled under load.</summary>
internal sealed class MemoryPeak
{
    private readonly ServerProcess _server;

    public MemoryPeak(ServerProcess server)
    {
        _server = server;
        IdleMb = PeakMb = server.ResidentMegabytes();
    }

    public string Build => _server.Build;

    public double IdleMb { get; }

    public double PeakMb { get; private set; }

    public void Sample() => PeakMb = Math.Max(PeakMb, _server.ResidentMegabytes());
}
