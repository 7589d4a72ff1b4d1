namespace StackBlaze.Webhook.Benchmarks;

/// <summary>One wrk run: what was sent where (to which build of the server: "native" as shipped, or "jit"), and what came back.</summary>
internal sealed record LoadResult(
    string Build,
    string Endpoint,
    int SizeKb,
    int Connections,
    double RequestsPerSecond,
    double P50Ms,
    double P99Ms,
    double P999Ms,
    long Errors);
