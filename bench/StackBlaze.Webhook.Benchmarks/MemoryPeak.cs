namespace StackBlaze.Webhook.Benchmarks;

/// <summary>A server's resident memory when warmed up, and the most it reached while sampled under load.</summary>
internal sealed class MemoryPeak(ServerProcess server)
{
    public string Build => server.Build;

    public double IdleMb { get; } = server.ResidentMegabytes();

    public double PeakMb { get; private set; } = server.ResidentMegabytes();

    public void Sample() => PeakMb = Math.Max(PeakMb, server.ResidentMegabytes());
}
