using System.Diagnostics;
using System.Globalization;

namespace StackBlaze.Webhook.Benchmarks;

/// <summary>A child process running the bench server (the product's server plus the null webhook), and its resident memory.</summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, string build, Uri url, string caFile)
    {
        _process = process;
        Build = build;
        Url = url;
        CaFile = caFile;
    }

    /// <summary>"native" or "jit".</summary>
    public string Build { get; }

    public Uri Url { get; }

    /// <summary>The CA of the server's development certificate.</summary>
    public string CaFile { get; }

    /// <param name="program">Which build to start.</param>
    /// <param name="catalogPath">The catalog it serves.</param>
    /// <param name="environment">Variables to set for it, such as the heap cap a container would give.</param>
    public static async Task<ServerProcess> StartAsync(ServerProgram program, string catalogPath, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program.FileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        foreach (var argument in program.LeadingArguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.ArgumentList.Add(catalogPath);
        var process = Process.Start(start) ?? throw new InvalidOperationException("the server did not start");
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("LISTENING ", StringComparison.Ordinal))
            {
                // Keep draining its output so that logging never blocks it.
                _ = process.StandardOutput.ReadToEndAsync();
                _ = process.StandardError.ReadToEndAsync();
                var parts = line.Split(' ');
                return new ServerProcess(process, program.Build, new Uri(parts[1]), parts[2]);
            }
        }
        throw new InvalidOperationException("the server exited: " + await process.StandardError.ReadToEndAsync());
    }

    /// <summary>Resident set size, from /proc: what the kernel charges the pod for.</summary>
    public double ResidentMegabytes()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        var kb = double.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return kb / 1024;
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
