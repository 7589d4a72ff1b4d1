using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using StackBlaze.Webhook.Tests.Support.FakeApiServer;

namespace StackBlaze.Webhook.Tests.Support;

/// <summary><c>stackblaze-webhook serve</c> as its own process, stopped when disposed.</summary>
internal sealed partial class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];

    private ServerProcess(Process process)
    {
        _process = process;
    }

    public IReadOnlyList<string> Lines { get { lock (_lines) { return [.. _lines]; } } }

    public bool HasExited => _process.HasExited;

    /// <summary>SIGTERM, as the kubelet sends it; <see cref="Process.Kill()"/> would be SIGKILL.</summary>
    public async Task TerminateAsync()
    {
        var kill = await ProcessRunner.RunAsync("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.ExitCode.Should().Be(0, kill.Stderr);
    }

    /// <summary>The exit code, once the process has ended by itself within the time given.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    public static ServerProcess Start(params string[] arguments) => Start(new Dictionary<string, string?>(), arguments);

    /// <param name="environment">Variables to set, or to remove with a null value, on top of the test's own.</param>
    /// <param name="arguments">What follows <c>serve</c>.</param>
    public static ServerProcess Start(IReadOnlyDictionary<string, string?> environment, params string[] arguments) =>
        Start(WebhookProgram.Built, environment, arguments);

    /// <param name="program">Which build of the command to start.</param>
    /// <param name="environment">Variables to set, or to remove with a null value, on top of the test's own.</param>
    /// <param name="arguments">What follows <c>serve</c>.</param>
    public static ServerProcess Start(WebhookProgram program, IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(program.FileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryPaths.Root,
        };
        foreach (var argument in program.LeadingArguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.ArgumentList.Add("serve");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }
        var server = new ServerProcess(Process.Start(start)!);
        server._process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        server._process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        return server;
    }

    /// <summary>No kubeconfig where <c>serve</c> looks, and nothing that says it runs in a pod.</summary>
    public static Dictionary<string, string?> NoCluster(string emptyFolder) => new()
    {
        ["HOME"] = emptyFolder,
        ["KUBECONFIG"] = emptyFolder,
        ["KUBERNETES_SERVICE_HOST"] = null,
        ["KUBERNETES_SERVICE_PORT"] = null,
    };

    /// <summary>
    /// <c>serve --kubeconfig</c> following <paramref name="cluster"/> and no other (its kubeconfig written in
    /// <paramref name="emptyFolder"/>), returned once <c>/readyz</c> answers 200.
    /// </summary>
    public static async Task<ServerProcess> StartFollowingAsync(
        WebhookProgram program, FakeKubernetes cluster, TestCertificates certificates, string emptyFolder)
    {
        var server = Start(
            program,
            NoCluster(emptyFolder),
            "--kubeconfig", cluster.WriteKubeconfig(emptyFolder), "--urls", "https://127.0.0.1:0",
            "--tls-cert", certificates.CertFile, "--tls-key", certificates.KeyFile);
        try
        {
            using var client = certificates.CreateTrustingClient(await server.WaitForListeningAsync());
            await Eventually.ProbeAsync(
                async () => (await client.GetAsync("/readyz")).StatusCode, status => status == HttpStatusCode.OK, "/readyz answers 200", TimeSpan.FromSeconds(15));
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits for the log line that says where it listens, and returns that address.</summary>
    public async Task<Uri> WaitForListeningAsync() => new((await WaitForLineAsync(ListeningPattern())).Groups[1].Value);

    /// <summary>Waits for the log line that says where metrics are served (<c>--metrics-urls</c>), and returns that address.</summary>
    public async Task<Uri> WaitForMetricsListeningAsync() => new((await WaitForLineAsync(MetricsPattern())).Groups[1].Value);

    /// <summary>Waits for a log line that matches, and returns the match.</summary>
    public async Task<Match> WaitForLineAsync(Regex pattern)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!timeout.IsCancellationRequested && !_process.HasExited)
        {
            var match = Lines.Select(line => pattern.Match(line)).FirstOrDefault(m => m.Success);
            if (match is not null)
            {
                return match;
            }
            await Task.Delay(50);
        }
        throw new InvalidOperationException($"no line matched {pattern} in: " + string.Join('\n', Lines));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            lock (_lines)
            {
                _lines.Add(line);
            }
        }
    }

    [GeneratedRegex(@"Listening on (https://[0-9.]+:[0-9]+)")]
    private static partial Regex ListeningPattern();

    [GeneratedRegex(@"Metrics on (https://[0-9.]+:[0-9]+)")]
    private static partial Regex MetricsPattern();
}
