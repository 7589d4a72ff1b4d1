using System.Text.Json.Nodes;
using StackBlaze.Webhook.Core.Manifests;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Deploy;

/// <summary>
/// Both overlays rendered from a copy of deploy/ whose base/network-access.yaml is the fixture
/// Deploy/network-access-narrowed.yaml: what a platform engineer's settings turn into.
/// </summary>
public sealed class NarrowedNetworkAccess : IAsyncLifetime
{
    private static readonly string[] Overlays = [RenderedOverlays.CertManager, RenderedOverlays.StaticCerts];

    private readonly Dictionary<string, RenderedManifests> _rendered = [];
    private string? _copy;

    public static string SettingsFile => RepositoryPaths.Fixture("Deploy", "network-access-narrowed.yaml");

    public RenderedManifests this[string name] => _rendered[name];

    /// <summary>The settings document of the fixture, as JSON.</summary>
    public JsonObject Settings { get; } =
        JsonObject.Create(ManifestReader.Parse(File.ReadAllText(SettingsFile), SettingsFile).Should().ContainSingle().Subject.Body)!;

    public async Task InitializeAsync()
    {
        var deploy = Path.Combine(RepositoryPaths.Root, "deploy");
        _copy = Directory.CreateTempSubdirectory("stackblaze-deploy-").FullName;
        RenderedOverlays.CopyFolder(Path.Combine(deploy, "base"), Path.Combine(_copy, "base"));
        File.Copy(SettingsFile, Path.Combine(_copy, "base", "network-access.yaml"), overwrite: true);
        foreach (var overlay in Overlays)
        {
            RenderedOverlays.CopyFolder(Path.Combine(deploy, overlay), Path.Combine(_copy, overlay), skip: "certs");
        }
        await GeneratedCertificates.GenerateAsync(Path.Combine(_copy, RenderedOverlays.StaticCerts, "certs"));

        foreach (var overlay in Overlays)
        {
            _rendered[overlay] = RenderedManifests.Parse(overlay, await RenderedOverlays.KustomizeAsync(Path.Combine(_copy, overlay)));
        }
    }

    public Task DisposeAsync()
    {
        if (_copy is not null)
        {
            Directory.Delete(_copy, recursive: true);
        }
        return Task.CompletedTask;
    }
}
