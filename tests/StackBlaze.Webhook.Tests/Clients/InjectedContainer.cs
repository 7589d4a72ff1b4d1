using StackBlaze.Webhook.Core.Manifests;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Clients;

/// <summary>The container of a fixture's Deployment after <c>inject -f</c>, as the kubelet would start it.</summary>
internal static class InjectedContainer
{
    /// <summary>The environment of the Deployment's first container in Fixtures/Clients/<paramref name="fixture"/>, Secret values taken from <paramref name="secrets"/>.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> EnvironmentAsync(
        string fixture, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> secrets)
    {
        var result = await ProcessRunner.RunWebhookCommandAsync(["inject", "-f", RepositoryPaths.Fixture("Clients", fixture)]);
        result.ExitCode.Should().Be(0, result.Stderr);
        var deployment = ManifestReader.Parse(result.Stdout, "inject").Single(document => document.Kind == "Deployment").Body;
        var container = deployment.GetProperty("spec").GetProperty("template").GetProperty("spec").GetProperty("containers")[0];
        return KubeletEnvironment.Of(container, secrets);
    }
}
