using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace StackBlaze.Webhook.Benchmarks;

/// <summary>Time from starting <c>stackblaze-webhook serve</c> to its first /readyz 200.</summary>
internal static class StartupProbe
{
    public static async Task<TimeSpan> MeasureAsync(string executable, string catalogPath)
    {
        var port = FreePort();
        using var client = new HttpClient(new SocketsHttpHandler
        {
            // serve's development certificate, made afresh at each start: known by its name alone.
            SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate?.Subject == "CN=localhost" },
        }) { Timeout = TimeSpan.FromSeconds(1) };

        var clock = Stopwatch.StartNew();
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "serve", "--catalog", catalogPath, "--urls", $"https://127.0.0.1:{port}" })
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("serve did not start");
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        try
        {
            while (clock.Elapsed < TimeSpan.FromSeconds(30))
            {
                try
                {
                    if ((await client.GetAsync($"https://127.0.0.1:{port}/readyz")).StatusCode == HttpStatusCode.OK)
                    {
                        return clock.Elapsed;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
                await Task.Delay(5);
            }
            throw new InvalidOperationException("serve was not ready within 30 s");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
