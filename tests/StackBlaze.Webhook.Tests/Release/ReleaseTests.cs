using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using k8s;
using k8s.Models;
using StackBlaze.Webhook.Tests.Deploy;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Release;

/// <summary>What deploy/release.sh leaves in OUTDIR, checked as a user of the release checks it.</summary>
[Collection(ReleaseBuild.Collection)]
public sealed partial class ReleaseTests(ReleaseBuild release)
{
    private static string Sbom => $"stackblaze-webhook-{ReleaseBuild.Version}.cdx.json";

    private string[] Artifacts => [Path.GetFileName(release.Binary), "install-cert-manager.yaml", "install-static-certs.yaml", Sbom];

    [Fact]
    public async Task Release_holds_the_binary_the_installs_and_the_sbom_and_sha256sum_verifies_each()
    {
        Directory.EnumerateFiles(release.Folder).Select(Path.GetFileName).Should().BeEquivalentTo([.. Artifacts, "SHA256SUMS"]);

        var verify = await ProcessRunner.RunAsync("sha256sum", ["-c", "SHA256SUMS"], workingDirectory: release.Folder);

        verify.ExitCode.Should().Be(0, verify.Stdout + verify.Stderr);
        verify.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().BeEquivalentTo(Artifacts.Select(name => $"{name}: OK"));
    }

    [Fact]
    public async Task Binary_reports_the_version_and_the_commit_it_was_made_from()
    {
        var version = await ProcessRunner.RunAsync(release.Binary, ["--version"]);

        version.Should().Be(new ProcessRunner.Result(0, $"{ReleaseBuild.Version}+{release.Revision}\n", ""));
    }

    [Fact]
    public async Task Binary_links_no_dotnet_host_or_runtime_library()
    {
        var linked = await ProcessRunner.RunAsync("ldd", [release.Binary]);

        linked.ExitCode.Should().Be(0, linked.Stderr);
        linked.Stdout.Should().Contain("libc.so").And.NotContainAny("libhostfxr", "libhostpolicy", "libcoreclr", "not found");
    }

    [Theory]
    [InlineData("check -f deploy/examples/shop-public-urls --catalog deploy/examples/shop", 1)]
    [InlineData("inject -f deploy/examples/shop", 0)]
    [InlineData("explain -f deploy/examples/shop --output json", 0)]
    public async Task Binary_runs_with_the_dotnet_install_hidden_as_the_build_does(string commandLine, int exitCode)
    {
        using var home = new TemporaryFolder();
        var arguments = commandLine.Split(' ');
        var noDotnet = await WithoutDotnetAsync(home.Path, ["sh", "-c", "dotnet --version"]);
        noDotnet.ExitCode.Should().Be(127, "dotnet is not there to be found: " + noDotnet.Stdout);

        var hidden = await WithoutDotnetAsync(home.Path, [release.Binary, .. arguments]);

        hidden.ExitCode.Should().Be(exitCode, hidden.Stderr);
        hidden.Should().Be(await ProcessRunner.RunWebhookCommandAsync(arguments));
    }

    [Theory]
    [InlineData("cert-manager")]
    [InlineData("static-certs")]
    public async Task Install_is_the_overlay_as_kustomize_renders_it_with_the_version_as_image_tag(string overlay)
    {
        var installText = await File.ReadAllTextAsync(release.File($"install-{overlay}.yaml"));
        var install = RenderedManifests.Parse($"install-{overlay}.yaml", installText);
        var rendered = await RenderOverlayAsync(overlay);

        install.Objects.Cast<IKubernetesObject<V1ObjectMeta>>().Should().AllSatisfy(o =>
        {
            o.ApiVersion.Should().NotBeNullOrEmpty();
            o.Kind.Should().NotBeNullOrEmpty();
            o.Metadata.Name.Should().NotBeNullOrEmpty();
        });
        var renderedImage = RenderedManifests.Parse(overlay, rendered).Container.Image;
        var image = $"{renderedImage[..renderedImage.LastIndexOf(':')]}:{ReleaseBuild.Version}";
        install.Container.Image.Should().Be(image);
        installText.Should().Be(WithoutClusterCertificates(overlay, rendered.Replace($"image: {renderedImage}\n", $"image: {image}\n")));
    }

    [Fact]
    public async Task Static_certs_install_carries_no_key_secret_or_ca_bundle_of_the_throwaway_certificates()
    {
        var text = await File.ReadAllTextAsync(release.File("install-static-certs.yaml"));
        var install = RenderedManifests.Parse("install-static-certs.yaml", text);

        install.All<V1Secret>().Should().BeEmpty();
        text.Should().NotContainAny("PRIVATE KEY", "caBundle", "tls.key:");
        install.MutatingWebhook.ClientConfig.CaBundle.Should().BeNull();
        install.ValidatingWebhook.ClientConfig.CaBundle.Should().BeNull();
        install.Deployment.Spec.Template.Spec.Volumes.Should().Contain(v => v.Secret != null && v.Secret.SecretName == "stackblaze-webhook-tls");
    }

    [Fact]
    public async Task Sbom_is_cyclonedx_json_for_the_release_with_a_component_for_every_package_reference()
    {
        var bom = JsonNode.Parse(await File.ReadAllTextAsync(release.File(Sbom)))!;

        bom["bomFormat"]!.GetValue<string>().Should().Be("CycloneDX");
        bom["specVersion"]!.GetValue<string>().Should().StartWith("1.");
        bom["metadata"]!["component"]!["name"]!.GetValue<string>().Should().Be("stackblaze-webhook");
        bom["metadata"]!["component"]!["version"]!.GetValue<string>().Should().Be(ReleaseBuild.Version);
        var components = bom["components"]!.AsArray().Select(c => c!["purl"]!.GetValue<string>()).ToList();
        components.Should().Contain(PackageReferences().Select(p => $"pkg:nuget/{p.Name}@{p.Version}"));
    }

    [Fact]
    public async Task Script_prints_the_docker_build_whose_arguments_the_dockerfile_stamps_into_labels()
    {
        var dockerfile = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "deploy", "Dockerfile"));
        var build = release.Run.Stdout.Split('\n').Select(line => line.Trim()).Should()
            .ContainSingle(line => line.StartsWith("docker build ", StringComparison.Ordinal)).Subject;

        build.Should().Contain($"--build-arg VERSION={ReleaseBuild.Version} --build-arg REVISION={release.Revision}")
            .And.EndWith($" -t stackblaze-webhook:{ReleaseBuild.Version} .");
        var finalStage = dockerfile[dockerfile.LastIndexOf("\nFROM ", StringComparison.Ordinal)..];
        foreach (var (argument, label) in new[] { ("VERSION", "version"), ("REVISION", "revision"), ("SOURCE", "source") })
        {
            finalStage.Should().Contain($"\nARG {argument}").And.Contain($"org.opencontainers.image.{label}=\"${argument}\"");
        }
        finalStage.Should().Contain("org.opencontainers.image.title=").And.Contain("org.opencontainers.image.licenses=");
    }

    // The install as the script makes it, under a new mount namespace where the .NET install is an
    // empty folder, with no environment but a PATH and a HOME of the test's own.
    private static Task<ProcessRunner.Result> WithoutDotnetAsync(string home, IEnumerable<string> command)
    {
        var dotnetRoot = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        return ProcessRunner.RunAsync("unshare",
        [
            "--mount", "--", "sh", "-c", "mount -t tmpfs tmpfs \"$1\" && home=\"$2\" && shift 2 && exec env -i PATH=/usr/bin:/bin HOME=\"$home\" \"$@\"",
            "sh", dotnetRoot, home, .. command,
        ]);
    }

    private static async Task<string> RenderOverlayAsync(string overlay)
    {
        if (overlay != "static-certs")
        {
            return await RenderedOverlays.KustomizeAsync(Path.Combine(RepositoryPaths.Root, "deploy", "overlays", overlay));
        }
        using var copy = new TemporaryFolder();
        RenderedOverlays.CopyFolder(Path.Combine(RepositoryPaths.Root, "deploy", "base"), Path.Combine(copy.Path, "base"));
        var folder = Path.Combine(copy.Path, "overlays", overlay);
        RenderedOverlays.CopyFolder(Path.Combine(RepositoryPaths.Root, "deploy", "overlays", overlay), folder, skip: "certs");
        await GeneratedCertificates.GenerateAsync(Path.Combine(folder, "certs"));
        return await RenderedOverlays.KustomizeAsync(folder);
    }

    // The static-certs install leaves out what each cluster makes itself: the Secret and the caBundle.
    private static string WithoutClusterCertificates(string overlay, string rendered) =>
        overlay != "static-certs" ? rendered
            : CaBundleLine().Replace(string.Join("---\n", rendered.Split("---\n").Where(d => !d.Contains("\nkind: Secret\n", StringComparison.Ordinal))), "");

    private static IEnumerable<(string Name, string Version)> PackageReferences()
    {
        var versions = XDocument.Load(Path.Combine(RepositoryPaths.Root, "Directory.Packages.props")).Descendants("PackageVersion")
            .ToDictionary(p => p.Attribute("Include")!.Value, p => p.Attribute("Version")!.Value);
        return Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "src"), "*.csproj", SearchOption.AllDirectories)
            .SelectMany(project => XDocument.Load(project).Descendants("PackageReference"))
            .Select(reference => reference.Attribute("Include")!.Value)
            .Distinct()
            .Select(name => (name, versions[name]));
    }

    // The key's line and the lines of its value, which kustomize may fold under it.
    [GeneratedRegex(@"^(?<indent> +)caBundle:.*\n(?:\k<indent> +\S.*\n)*", RegexOptions.Multiline)]
    private static partial Regex CaBundleLine();
}
