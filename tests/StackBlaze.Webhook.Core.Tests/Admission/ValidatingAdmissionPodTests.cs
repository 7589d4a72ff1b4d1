using System.Text.Json;
using StackBlaze.Webhook.Core.Admission;
using StackBlaze.Webhook.Tests.Support;
using static StackBlaze.Webhook.Tests.Support.PublicShop;

namespace StackBlaze.Webhook.Tests.Admission;

public class ValidatingAdmissionPodTests
{
    private static AdmissionVerdict Validate(AdmissionAttributes request) => new ValidatingAdmission(Project()).Review(request);

    private static JsonElement CallsApi() => Pods.Element(Pod("ORDERS_API", "https://api.shop.example.com/v1/orders?status=open"));

    [Fact]
    public void Pod_calling_a_public_url_is_denied_with_what_to_write_instead()
    {
        var outcome = Validate(Reviews.Pod(CallsApi()));

        outcome.Allowed.Should().BeFalse();
        outcome.Denial.Should().Be(DenialReason.Policy);
        outcome.Message.Should().Be(
            "calls to this project's public URLs (stackblaze.io/public-url-policy: enforce): "
            + "container \"app\" ORDERS_API: calls https://api.shop.example.com/v1/orders?status=open, the public URL of service \"backend\"; "
            + "use http://backend.internal:3000/v1/orders?status=open");
        outcome.Warnings.Should().BeEmpty();
    }

    [Fact]
    public void Every_finding_is_named_in_the_denial()
    {
        var pod = Pods.Element(Pod([("ORDERS_API", "https://api.shop.example.com/v1/orders"), ("SHOP_HOST", "shop.example.com")]));

        Validate(Reviews.Pod(pod)).Message.Should().EndWith(
            "use http://backend.internal:3000/v1/orders; container \"app\" SHOP_HOST: calls shop.example.com, the public URL of service \"frontend\"; use frontend.internal");
    }

    [Fact]
    public void Pod_that_calls_no_public_url_is_allowed_without_warnings()
    {
        var outcome = Validate(Reviews.Pod(Pods.Element(Pod("ORDERS_API", "http://backend.internal:3000/v1/orders"))));

        outcome.Allowed.Should().BeTrue();
        outcome.Warnings.Should().BeEmpty();
        outcome.Message.Should().BeNull();
    }

    [Fact]
    public void Allowed_variable_lets_the_pod_in()
    {
        var pod = Pods.Element(Pod("ORDERS_API", "https://api.shop.example.com/v1/orders", AllowPublicUrls("ORDERS_API")));

        Validate(Reviews.Pod(pod)).Allowed.Should().BeTrue();
    }

    [Fact]
    public void Dry_run_is_answered_exactly_like_a_real_request()
    {
        var real = Validate(Reviews.Pod(CallsApi()));
        var dryRun = Validate(Reviews.Pod(CallsApi()) with { DryRun = true });

        dryRun.Should().BeEquivalentTo(real);
        dryRun.Allowed.Should().BeFalse();
    }

    [Theory]
    [InlineData(Operation.Delete)]
    [InlineData(Operation.Connect)]
    public void Operations_other_than_create_and_update_are_allowed_untouched(Operation operation)
    {
        Validate(Reviews.Pod(CallsApi(), operation)).Should().Be(AdmissionVerdict.Allow);
    }

    [Theory]
    [InlineData("", "Service")]
    [InlineData("", "Secret")]
    [InlineData("networking.k8s.io", "Ingress")]
    public void Other_kinds_are_allowed_untouched(string group, string kind)
    {
        Validate(Reviews.Of(group, kind, CallsApi())).Should().Be(AdmissionVerdict.Allow);
    }

    [Fact]
    public void Create_without_an_object_is_invalid_with_400()
    {
        Validate(Reviews.Pod(null)).Should().Be(AdmissionVerdict.Denied(DenialReason.InvalidObject, "the CREATE request carries no object"));
    }

    [Fact]
    public void Pod_that_is_not_a_json_object_is_invalid_with_400()
    {
        var outcome = Validate(Reviews.Pod(Json.Parse("[]")));

        outcome.Allowed.Should().BeFalse();
        outcome.Denial.Should().Be(DenialReason.InvalidObject);
        outcome.Message.Should().Be("the object cannot be read as a Pod: it is not a JSON object");
    }

    [Theory]
    [InlineData("system:serviceaccount:kube-system:replicaset-controller")]
    [InlineData("system:kube-controller-manager")]
    public void Pod_a_controller_makes_is_allowed_with_its_findings_as_warnings(string controller)
    {
        var outcome = Validate(Reviews.Pod(Pods.Element(Pod("ORDERS_API", "https://api.shop.example.com/v1/orders")), user: controller));

        outcome.Allowed.Should().BeTrue();
        outcome.Warnings.Should().ContainSingle().Which.Should().StartWith("container \"app\" ORDERS_API: calls https://api.shop.example.com/v1/orders");
    }

    [Theory]
    [InlineData("alice@example.com")]
    [InlineData("system:serviceaccount:shop:replicaset-controller")]
    [InlineData("system:serviceaccount:kube-systemx:replicaset-controller")]
    [InlineData("system:serviceaccount:kube-system:argocd-application-controller")]
    [InlineData(null)]
    public void Owner_reference_naming_a_controller_does_not_soften_the_policy_for_anyone_else(string? user)
    {
        // Whoever creates an object writes its owner references: a made-up ReplicaSet proves nothing.
        var pod = Pod("ORDERS_API", "https://api.shop.example.com/v1/orders");
        pod["metadata"]!["ownerReferences"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject
        {
            ["apiVersion"] = "apps/v1", ["kind"] = "ReplicaSet", ["name"] = "worker-5d8f", ["uid"] = "1b2c", ["controller"] = true,
        });

        var outcome = Validate(Reviews.Pod(Pods.Element(pod), user: user));

        outcome.Allowed.Should().BeFalse();
        outcome.Message.Should().Contain("ORDERS_API: calls https://api.shop.example.com/v1/orders");
    }

    [Fact]
    public void Request_without_a_namespace_is_invalid_with_400()
    {
        var outcome = Validate(Reviews.Pod(CallsApi(), ns: ""));

        outcome.Denial.Should().Be(DenialReason.InvalidObject);
        outcome.Message.Should().Be("the request names no namespace");
    }

    [Fact]
    public void Pod_without_containers_is_invalid_with_400()
    {
        Validate(Reviews.Pod(Json.Parse("""{"metadata":{},"spec":{"containers":[]}}""")))
            .Should().Be(AdmissionVerdict.Denied(DenialReason.InvalidObject, "the object cannot be read as a Pod: spec.containers is missing or empty"));
    }

    [Fact]
    public void Workload_without_its_template_is_invalid_with_400()
    {
        Validate(Reviews.Of("batch", "CronJob", Json.Parse("""{"spec":{"jobTemplate":{}}}""")))
            .Should().Be(AdmissionVerdict.Denied(DenialReason.InvalidObject, "the object cannot be read as a CronJob: spec.jobTemplate.spec.template is missing or not an object"));
    }

    [Fact]
    public void Public_url_written_with_the_final_dot_of_a_fully_qualified_name_is_denied_too()
    {
        var outcome = Validate(Reviews.Pod(Pods.Element(Pod("ORDERS_API", "https://api.shop.example.com./v1/orders"))));

        outcome.Allowed.Should().BeFalse();
        outcome.Message.Should().EndWith("calls https://api.shop.example.com./v1/orders, the public URL of service \"backend\"; use http://backend.internal:3000/v1/orders");
    }
}
