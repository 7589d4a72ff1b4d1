using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Deploy;

/// <summary>
/// A kustomization of an operator's own over ours, as docs/install-settings.md writes them: laid in a
/// folder beside the overlays of a copy of deploy/ (static-certs with certs/generate.sh's files, made
/// for the namespace the install moves to) and rendered with <c>kubectl kustomize</c>.
/// </summary>
internal static class OperatorKustomization
{
    /// <summary>The namespace the manifests are written for.</summary>
    public const string DefaultNamespace = "stackblaze-system";

    /// <summary>
    /// Renders <paramref name="kustomization"/>, whose paths start from a folder beside deploy/'s
    /// (<c>../overlays/cert-manager</c>, <c>../components/monitoring</c>).
    /// </summary>
    public static async Task<RenderedInstall> RenderAsync(string kustomization, string certificatesNamespace = DefaultNamespace)
    {
        using var copy = new TemporaryFolder();
        RenderedOverlays.CopyFolder(Path.Combine(RepositoryPaths.Root, "deploy"), copy.Path, skip: "certs");
        await GeneratedCertificates.GenerateAsync(
            Path.Combine(copy.Path, "overlays", "static-certs", "certs"), "--namespace", certificatesNamespace);
        var folder = Directory.CreateDirectory(Path.Combine(copy.Path, "operator")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "kustomization.yaml"), kustomization);

        var yaml = await RenderedOverlays.KustomizeAsync(folder);
        return new RenderedInstall(yaml, RenderedManifests.Parse("operator kustomization", yaml));
    }
}

/// <summary>What a kustomization rendered: its text, and its objects parsed strictly.</summary>
internal sealed record RenderedInstall(string Yaml, RenderedManifests Manifests);
