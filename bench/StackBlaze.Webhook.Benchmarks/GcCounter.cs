using System.Globalization;

namespace StackBlaze.Webhook.Benchmarks;

/// <summary>The server's own count of gen 2 collections, read from its /metrics.</summary>
internal sealed class GcCounter(Uri server, string caFile) : IDisposable
{
    private const string Gen2 = "dotnet_collection_count_total{generation=\"2\"}";

    private readonly HttpClient _client = TrustingClient.Create(caFile);

    public async Task<long> Gen2CollectionsAsync()
    {
        var text = await _client.GetStringAsync(new Uri(server, "/metrics"));
        var line = text.Split('\n').First(l => l.StartsWith(Gen2, StringComparison.Ordinal));
        return (long)double.Parse(line[Gen2.Length..].Trim(), CultureInfo.InvariantCulture);
    }

    public void Dispose() => _client.Dispose();
}
