using System.Text;
using StackBlaze.Webhook.Core.Admission;
using StackBlaze.Webhook.Core.Conventions;
using StackBlaze.Webhook.Core.Patches;
using StackBlaze.Webhook.Tests.Support;
using static StackBlaze.Webhook.Tests.Support.Reviews;

namespace StackBlaze.Webhook.Tests.Admission;

public class MutatingAdmissionPodTests
{
    private static readonly System.Text.Json.JsonElement Frontend = Json.Fixture("pod-init-and-two-containers.json");

    [Fact]
    public void Pod_create_is_allowed_with_the_injection_patch()
    {
        var outcome = Review(Pod(Frontend));

        outcome.Allowed.Should().BeTrue();
        outcome.Denial.Should().BeNull();
        outcome.Patch.Should().NotBeEmpty();
        outcome.Patch[^1].Path.Should().Be("/metadata/annotations/stackblaze.io~1injected-env");
    }

    [Fact]
    public void Pods_of_other_shapes_under_one_kept_plan_each_get_their_own_patch()
    {
        // One admission keeps its plans and the operations made from them; each pod must still be patched as if alone.
        var admission = new MutatingAdmission(Services.Shop);
        var pods = new[] { Frontend, Json.Fixture("pod-sets-api-url.json"), Json.Parse("""
            {"metadata":{"annotations":{"stackblaze.io/links":"backend, postgres"}},
             "spec":{"containers":[{"name":"a"},{"name":"b","env":[{"name":"X","value":"1"}]},{"name":"c","env":[]}]}}
            """) };

        foreach (var pod in pods.Concat(pods.Reverse()))
        {
            var kept = admission.Review(Pod(pod));
            var alone = Review(Pod(pod));
            kept.Patch.Should().NotBeEmpty();
            Encoding.UTF8.GetString(JsonPatchWriter.ToUtf8Bytes(kept.Patch)).Should().Be(Encoding.UTF8.GetString(JsonPatchWriter.ToUtf8Bytes(alone.Patch)));
            kept.Warnings.Should().Equal(alone.Warnings);
        }
    }

    [Theory]
    [InlineData(",")]
    [InlineData(" , ")]
    public void Links_that_name_no_service_patch_nothing(string links)
    {
        var pod = Json.Parse($$$"""{"metadata":{"annotations":{"stackblaze.io/links":"{{{links}}}"}},"spec":{"containers":[{"name":"a"}]}}""");

        var outcome = Review(Pod(pod));

        outcome.Allowed.Should().BeTrue();
        outcome.Patch.Should().BeEmpty();
    }

    [Fact]
    public void Warnings_of_the_injection_are_passed_on()
    {
        var outcome = Review(Pod(Json.Fixture("pod-sets-api-url.json")));

        outcome.Allowed.Should().BeTrue();
        outcome.Warnings.Should().ContainSingle().Which.Should().Contain("sets API_URL itself");
    }

    [Theory]
    [InlineData(Operation.Update)]
    [InlineData(Operation.Delete)]
    [InlineData(Operation.Connect)]
    public void Pod_operations_other_than_create_are_allowed_untouched(Operation operation)
    {
        Review(Pod(Frontend, operation)).Should().Be(AdmissionVerdict.Allow);
    }

    [Fact]
    public void Link_errors_deny_with_403_and_a_message_naming_the_annotation()
    {
        var pod = Pods.Element(Pods.Annotated((StackBlazeAnnotations.Links, "payments, Backend")));

        var outcome = Review(Pod(pod));

        outcome.Allowed.Should().BeFalse();
        outcome.Denial.Should().Be(DenialReason.Policy);
        outcome.Patch.Should().BeEmpty();
        outcome.Message.Should().StartWith("stackblaze.io/links: ");
        outcome.Message.Should().Be(
            "stackblaze.io/links: link \"Backend\" is not of the form [ENV_NAME=]service[:port]: the service name must be a DNS label "
            + "(lower-case letters, digits and '-', starting with a letter); "
            + "link \"payments\": namespace \"shop\" has no service \"payments\" (it has backend, frontend, postgres)");
    }

    [Fact]
    public void Object_that_cannot_be_read_as_a_pod_is_invalid_with_400()
    {
        var outcome = Review(Pod(Json.Parse("""{"metadata":{}}""")));

        outcome.Should().Be(AdmissionVerdict.Denied(DenialReason.InvalidObject, "the object cannot be read as a Pod: spec is missing"));
        outcome.Denial.Should().Be(DenialReason.InvalidObject);
        outcome.Allowed.Should().BeFalse();
    }

    [Fact]
    public void Create_without_an_object_is_invalid()
    {
        Review(Pod(null)).Should().Be(AdmissionVerdict.Denied(DenialReason.InvalidObject, "the CREATE request carries no object"));
    }

    [Fact]
    public void Pod_request_without_a_namespace_is_invalid()
    {
        Review(Pod(Frontend, ns: "")).Should().Be(AdmissionVerdict.Denied(DenialReason.InvalidObject, "the request names no namespace"));
    }

    [Fact]
    public void Links_resolve_in_the_requests_namespace()
    {
        var outcome = Review(Pod(Frontend, ns: "elsewhere"));

        outcome.Denial.Should().Be(DenialReason.Policy);
        outcome.Message.Should().Contain("namespace \"elsewhere\" has no service \"backend\" (it has none)");
    }

    [Fact]
    public void Outcome_names_the_injected_variables_for_audit_and_metrics()
    {
        var outcome = Review(Pod(Frontend));

        outcome.InjectedEnv.Should().Equal("API_URL", "DATABASE_USER", "DATABASE_PASSWORD", "DATABASE_URL");
    }

    [Fact]
    public void Denied_pod_names_no_injected_variables()
    {
        var outcome = Review(Pod(Pods.Element(Pods.Annotated((StackBlazeAnnotations.Links, "payments")))));

        outcome.Allowed.Should().BeFalse();
        outcome.InjectedEnv.Should().BeEmpty();
    }
}
