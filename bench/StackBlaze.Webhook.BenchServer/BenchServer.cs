using StackBlaze.Webhook.Admission;
using StackBlaze.Webhook.Core.Admission;
using StackBlaze.Webhook.Server;

namespace StackBlaze.Webhook.BenchServer;

/// <summary>
/// The server under load, in a process of its own: the product's server as <c>serve</c> builds it,
/// plus POST /null, the ceiling on this stack: the same Kestrel, TLS and AdmissionReview parsing,
/// answering allowed for the uid and doing nothing else.
/// </summary>
public static class BenchServer
{
    public const string NullPath = "/null";

    public static async Task<int> RunAsync(string catalogPath)
    {
        var caFile = Path.Combine(Path.GetTempPath(), "stackblaze-bench", $"ca-{Environment.ProcessId}.pem");
        using var certificate = DevelopmentCertificate.Create(caFile, TimeProvider.System);
        var options = new ServeOptions(new Uri("https://127.0.0.1:0"), null, null, catalogPath, "default");

        await using var app = WebhookServer.Create(options, () => certificate);
        var endpoint = app.Services.GetRequiredService<AdmissionEndpoint>();
        RequestDelegate answerAllowed = async http => await endpoint.HandleAsync(http, _ => AdmissionVerdict.Allow);
        app.MapPost(NullPath, answerAllowed);
        await app.StartAsync();

        // The harness reads this line to know where to send load.
        await Console.Out.WriteLineAsync($"LISTENING {app.Urls.Single()} {caFile}");
        await Console.Out.FlushAsync();
        await app.WaitForShutdownAsync();
        return 0;
    }
}
