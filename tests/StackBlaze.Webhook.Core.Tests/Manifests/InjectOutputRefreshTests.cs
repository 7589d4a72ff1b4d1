using System.Text.Json.Nodes;
using StackBlaze.Webhook.Core.Admission;
using StackBlaze.Webhook.Core.Catalog;
using StackBlaze.Webhook.Core.Manifests;
using StackBlaze.Webhook.Core.Patches;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Manifests;

/// <summary>
/// Applying <c>inject</c>'s output gives the pods that applying its input gives, through the
/// webhook's own workload and pod CREATE paths: with the catalog <c>inject</c> saw, and after a
/// Service's port has changed.
/// </summary>
public class InjectOutputRefreshTests
{
    private static readonly string Input = File.ReadAllText(Json.FixturePath("manifests/refresh/frontend.yaml"));

    /// <summary>The shop after backend moved from port 3000 to 3001.</summary>
    private static readonly StaticProjectCatalog Moved = Services.CatalogOf(
        Services.Backend with { Ports = Services.Ports(Services.Port(3001, "http")) }, Services.Postgres, Services.With("frontend", Services.Port(80, "http")));

    public static TheoryData<string> Catalogs { get; } = new("as inject saw it", "after backend's port changed");

    [Theory]
    [MemberData(nameof(Catalogs))]
    public void The_pod_made_from_injects_output_is_the_pod_made_from_its_input(string when)
    {
        var catalog = when == "as inject saw it" ? Services.Shop : Moved;

        var fromInput = PodThroughWebhook(Deployment(Input), catalog);
        var fromOutput = PodThroughWebhook(Deployment(InjectedWith(Services.Shop)), catalog);

        fromOutput.ShouldDeepEqual(fromInput);
    }

    [Fact]
    public void The_pod_made_from_injects_output_has_the_port_the_service_has_now()
    {
        var pod = PodThroughWebhook(Deployment(InjectedWith(Services.Shop)), Moved);

        var web = pod["spec"]!["containers"]![0]!["env"]!.AsArray();
        web[0]!.ToJsonString().Should().Be("""{"name":"API_URL","value":"http://backend.internal:3001"}""");
        pod["spec"]!["containers"]![1]!["env"].Should().BeNull("proxy is not among the containers the workload names");
    }

    private static string InjectedWith(IProjectCatalog catalog)
    {
        var report = InjectedManifests.Inject(ManifestReader.Parse(Input, "frontend.yaml"), catalog, Services.Namespace);
        report.Errors.Should().BeEmpty();
        return report.Yaml;
    }

    private static JsonObject Deployment(string yaml) => JsonObject.Create(ManifestReader.Parse(yaml, "frontend.yaml").Single().Body)!;

    /// <summary>
    /// The Deployment created, then a pod created from its template, each through the webhook's
    /// decision and its patch applied by the independent library.
    /// </summary>
    private static JsonNode PodThroughWebhook(JsonObject deployment, IProjectCatalog catalog)
    {
        var admission = new MutatingAdmission(catalog);
        var workload = Applied(deployment, admission.Review(Reviews.Of("apps", "Deployment", Pods.Element(deployment))));
        var template = workload["spec"]!["template"]!;
        return Applied(template, admission.Review(Reviews.Pod(Pods.Element(template))));
    }

    private static JsonNode Applied(JsonNode obj, AdmissionVerdict outcome)
    {
        outcome.Allowed.Should().BeTrue(outcome.Message);
        return IndependentJsonPatch.Apply(obj, JsonPatchWriter.ToUtf8Bytes(outcome.Patch));
    }
}
