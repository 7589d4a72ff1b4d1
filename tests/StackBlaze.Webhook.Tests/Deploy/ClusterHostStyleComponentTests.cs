using StackBlaze.Webhook.Core.Conventions;
using StackBlaze.Webhook.Tests.CommandLine;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Deploy;

/// <summary>deploy/components/cluster-host-style on top of an overlay, as an operator's kustomization takes it.</summary>
public sealed class ClusterHostStyleComponentTests
{
    [Theory]
    [InlineData(RenderedOverlays.CertManager)]
    [InlineData(RenderedOverlays.Base)]
    public async Task Component_makes_serve_inject_cluster_names_and_changes_nothing_else(string overlay)
    {
        var plain = RenderedManifests.Parse(overlay, await RenderedOverlays.KustomizeAsync(Path.Combine(RepositoryPaths.Root, "deploy", overlay)));
        using var folder = new TemporaryFolder();
        var deploy = Path.GetRelativePath(folder.Path, Path.Combine(RepositoryPaths.Root, "deploy")).Replace('\\', '/');
        File.WriteAllText(Path.Combine(folder.Path, "kustomization.yaml"), $"""
            resources:
              - {deploy}/{overlay}
            components:
              - {deploy}/components/cluster-host-style
            """);

        var withComponent = RenderedManifests.Parse("with the component", await RenderedOverlays.KustomizeAsync(folder.Path));

        var args = withComponent.Container.Args;
        args[0].Should().Be("serve");
        var options = ServeArguments.Parse([.. args.Skip(1)]);
        options.Hosts.Should().Be(ServiceHosts.Create(HostStyle.Cluster, ServiceHosts.DefaultClusterDomain));
        args.Should().Equal([.. plain.Container.Args, "--host-style", "cluster"]);
        withComponent.Objects.Should().HaveSameCount(plain.Objects);
    }
}
