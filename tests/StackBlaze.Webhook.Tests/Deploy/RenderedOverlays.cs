using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Deploy;

/// <summary>
/// deploy/base and both overlays rendered once with <c>kubectl kustomize</c>. The static-certs
/// overlay is rendered from a copy of deploy/ into which certs/generate.sh wrote its files, as an
/// operator's checkout would hold them.
/// </summary>
public sealed class RenderedOverlays : IAsyncLifetime
{
    public const string Base = "base";
    public const string CertManager = "overlays/cert-manager";
    public const string StaticCerts = "overlays/static-certs";

    private readonly Dictionary<string, RenderedManifests> _rendered = [];
    private string? _copy;

    public static TheoryData<string> All => [Base, CertManager, StaticCerts];

    public static TheoryData<string> Installable => [CertManager, StaticCerts];

    public RenderedManifests this[string name] => _rendered[name];

    /// <summary>The certificates generated for the static-certs overlay.</summary>
    internal GeneratedCertificates StaticCertificates { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var deploy = Path.Combine(RepositoryPaths.Root, "deploy");
        _rendered[Base] = await RenderAsync(Base, Path.Combine(deploy, "base"));
        _rendered[CertManager] = await RenderAsync(CertManager, Path.Combine(deploy, "overlays", "cert-manager"));

        _copy = Directory.CreateTempSubdirectory("stackblaze-deploy-").FullName;
        CopyFolder(Path.Combine(deploy, "base"), Path.Combine(_copy, "base"));
        var overlay = Path.Combine(_copy, "overlays", "static-certs");
        CopyFolder(Path.Combine(deploy, "overlays", "static-certs"), overlay, skip: "certs");
        StaticCertificates = await GeneratedCertificates.GenerateAsync(Path.Combine(overlay, "certs"));
        _rendered[StaticCerts] = await RenderAsync(StaticCerts, overlay);
    }

    public Task DisposeAsync()
    {
        if (_copy is not null)
        {
            Directory.Delete(_copy, recursive: true);
        }
        return Task.CompletedTask;
    }

    public static async Task<string> KustomizeAsync(string folder)
    {
        var result = await ProcessRunner.RunAsync("kubectl", ["kustomize", folder]);
        result.ExitCode.Should().Be(0, $"kubectl kustomize {folder} failed: {result.Stderr}");
        return result.Stdout;
    }

    private static async Task<RenderedManifests> RenderAsync(string name, string folder) =>
        RenderedManifests.Parse(name, await KustomizeAsync(folder));

    // Only the kustomization's own files: generated certificates in the checkout are not copied.
    internal static void CopyFolder(string from, string to, string? skip = null)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
        foreach (var folder in Directory.EnumerateDirectories(from).Where(f => Path.GetFileName(f) != skip))
        {
            CopyFolder(folder, Path.Combine(to, Path.GetFileName(folder)));
        }
    }
}
