using System.Text.Json.Nodes;
using StackBlaze.Webhook.Core.Admission;
using StackBlaze.Webhook.Core.Conventions;
using StackBlaze.Webhook.Core.Patches;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Admission;

/// <summary>
/// The replace and remove operations of a pass over a recorded pod, applied by kubectl and by the
/// independent library: both give what our own applier gives, which <c>inject</c> writes.
/// </summary>
public sealed class RefreshPatchCrossCheckTests
{
    [Fact]
    public async Task Kubectl_and_the_independent_library_apply_a_refresh_as_our_applier_does()
    {
        var pod = Json.FixtureNode("pod-already-injected.json");
        // kubectl reads only objects that say what they are.
        pod["apiVersion"] = "v1";
        pod["kind"] = "Pod";
        pod["metadata"]!["name"] = "api";
        pod["metadata"]!["annotations"]![StackBlazeAnnotations.InjectedEnv] = "OLD_URL,API_URL";
        var env = pod["spec"]!["containers"]![0]!["env"]!.AsArray();
        env[0]!["value"] = "http://backend.internal:2999";
        env.Add(new JsonObject { ["name"] = "OLD_URL", ["value"] = "http://old.internal" });
        pod["spec"]!["containers"]!.AsArray().Add(new JsonObject { ["name"] = "sidecar" });

        var outcome = Reviews.Review(Reviews.Pod(Pods.Element(pod)));
        var patch = JsonPatchWriter.ToUtf8Bytes(outcome.Patch);
        var ours = pod.DeepClone();
        JsonPatchApplier.Apply(ours, outcome.Patch);

        outcome.Patch.Select(op => op.Op).Should().Equal("replace", "remove", "add", "replace");
        (await KubectlPatch.ApplyAsync(pod, patch)).ShouldDeepEqual(ours);
        IndependentJsonPatch.Apply(pod, patch).ShouldDeepEqual(ours);
        ours["spec"]!["containers"]![0]!["env"]!.ToJsonString().Should().Be("""[{"name":"API_URL","value":"http://backend.internal:3000"}]""");
        ours["spec"]!["containers"]![1]!["env"]!.ToJsonString().Should().Be("""[{"name":"API_URL","value":"http://backend.internal:3000"}]""");
        ((string?)ours["metadata"]!["annotations"]![StackBlazeAnnotations.InjectedEnv]).Should().Be("API_URL");
    }

    [Fact]
    public async Task Kubectl_and_the_independent_library_apply_a_url_moved_after_its_credentials_as_our_applier_does()
    {
        var cnpg = Services.With("cnpg", Services.Port(5432, "postgres")) with { CredentialsSecret = "cnpg-app", Database = "app" };
        var first = Pods.Annotated((StackBlazeAnnotations.Links, "cnpg, DATABASE_USER=cnpg, DATABASE_PASSWORD=cnpg"));
        var (_, pod) = Injections.Run(first, Services.CatalogOf(cnpg with { CredentialsKeys = "uri=uri" }));
        pod["apiVersion"] = "v1";
        pod["kind"] = "Pod";
        pod["metadata"]!["name"] = "api";

        // The Service dropped its uri: the URL now refers to the credentials that stand after it.
        var outcome = new MutatingAdmission(Services.CatalogOf(cnpg)).Review(Reviews.Pod(Pods.Element(pod)));
        var patch = JsonPatchWriter.ToUtf8Bytes(outcome.Patch);
        var ours = pod.DeepClone();
        JsonPatchApplier.Apply(ours, outcome.Patch);

        outcome.Patch.Select(op => op.Op).Should().Equal("remove", "add", "replace");
        (await KubectlPatch.ApplyAsync(pod, patch)).ShouldDeepEqual(ours);
        IndependentJsonPatch.Apply(pod, patch).ShouldDeepEqual(ours);
        ours["spec"]!["containers"]![0]!["env"]!.AsArray().Select(e => (string?)e!["name"]).Should().Equal("DATABASE_USER", "DATABASE_PASSWORD", "DATABASE_URL");
    }
}
