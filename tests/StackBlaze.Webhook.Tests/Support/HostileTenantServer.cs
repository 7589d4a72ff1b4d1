namespace StackBlaze.Webhook.Tests.Support;

/// <summary>
/// <c>serve</c> as its own process, as in a pod, over the shop example and the crowded project of
/// <see cref="HostileReviews"/>, under the Deployment's heap cap: it runs out of memory as a pod would, and its log lines are as written.
/// </summary>
public sealed class HostileTenantServer : IAsyncLifetime
{
    private string? _catalog;
    private TestCertificates? _certificates;

    /// <summary>The memory limit of deploy/base/deployment.yaml (DeploymentTests holds them equal).</summary>
    public const long MemoryLimitBytes = 320L * 1024 * 1024;

    /// <summary>The heap cap deploy/base/deployment.yaml gives the server (DOTNET_GCHeapHardLimit).</summary>
    public const long HeapLimitBytes = 192L * 1024 * 1024;

    private static readonly Dictionary<string, string?> ContainerMemory = new()
    {
        ["DOTNET_GCHeapHardLimit"] = "0x" + HeapLimitBytes.ToString("X", System.Globalization.CultureInfo.InvariantCulture),
    };

    internal ServerProcess Process { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _catalog = Directory.CreateTempSubdirectory("stackblaze-test-").FullName;
        foreach (var file in Directory.GetFiles(RepositoryPaths.ShopExample, "*.yaml"))
        {
            File.Copy(file, Path.Combine(_catalog, Path.GetFileName(file)));
        }
        await File.WriteAllTextAsync(Path.Combine(_catalog, "crowded.yaml"), HostileReviews.CrowdedNamespaceYaml());
        _certificates = await TestCertificates.CreateAsync();
        Process = ServerProcess.Start(
            ContainerMemory,
            "--catalog", _catalog, "--urls", "https://127.0.0.1:0", "--tls-cert", _certificates.CertFile, "--tls-key", _certificates.KeyFile);
        Client = _certificates.CreateTrustingClient(await Process.WaitForListeningAsync());
        // The API server gives up after the webhook's timeoutSeconds; this is only so a hung test ends.
        Client.Timeout = TimeSpan.FromSeconds(60);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Process.DisposeAsync();
        _certificates?.Dispose();
        if (_catalog is not null)
        {
            Directory.Delete(_catalog, recursive: true);
        }
    }
}
