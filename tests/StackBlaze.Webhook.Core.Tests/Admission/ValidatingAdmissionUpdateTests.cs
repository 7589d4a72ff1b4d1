using System.Text.Json;
using StackBlaze.Webhook.Core.Admission;
using StackBlaze.Webhook.Tests.Support;
using static StackBlaze.Webhook.Tests.Support.PublicShop;

namespace StackBlaze.Webhook.Tests.Admission;

/// <summary>An UPDATE is refused for the calls it adds, not for those the object already made.</summary>
public class ValidatingAdmissionUpdateTests
{
    private const string OrdersWarning =
        "container \"app\" ORDERS_API: calls https://api.shop.example.com/v1/orders, the public URL of service \"backend\"; use http://backend.internal:3000/v1/orders";

    private static readonly JsonElement Old = Pods.Element(Pod("ORDERS_API", "https://api.shop.example.com/v1/orders"));

    private static AdmissionVerdict Validate(AdmissionAttributes request) => new ValidatingAdmission(Project()).Review(request);

    [Fact]
    public void Call_the_old_object_already_made_is_allowed_with_a_warning()
    {
        var outcome = Validate(Reviews.Pod(Old, Operation.Update) with { OldObjectJson = Old });

        outcome.Allowed.Should().BeTrue();
        outcome.Warnings.Should().Equal(OrdersWarning);
    }

    [Fact]
    public void New_call_is_denied_and_the_old_one_only_warned_about()
    {
        var updated = Pods.Element(Pod([("ORDERS_API", "https://api.shop.example.com/v1/orders"), ("SHOP_HOST", "shop.example.com")]));

        var outcome = Validate(Reviews.Pod(updated, Operation.Update) with { OldObjectJson = Old });

        outcome.Allowed.Should().BeFalse();
        outcome.Message.Should().Be(
            "calls to this project's public URLs (stackblaze.io/public-url-policy: enforce): "
            + "container \"app\" SHOP_HOST: calls shop.example.com, the public URL of service \"frontend\"; use frontend.internal");
        outcome.Warnings.Should().Equal(OrdersWarning);
    }

    [Fact]
    public void Changed_url_in_the_same_variable_is_a_new_call()
    {
        var updated = Pods.Element(Pod("ORDERS_API", "https://api.shop.example.com/v2/orders"));

        Validate(Reviews.Pod(updated, Operation.Update) with { OldObjectJson = Old }).Allowed.Should().BeFalse();
    }

    [Fact]
    public void Update_without_the_old_object_is_judged_as_a_create()
    {
        Validate(Reviews.Pod(Old, Operation.Update)).Allowed.Should().BeFalse();
    }

    [Fact]
    public void Old_object_counts_only_on_update()
    {
        Validate(Reviews.Pod(Old) with { OldObjectJson = Old }).Allowed.Should().BeFalse();
    }

    [Fact]
    public void Workload_update_keeping_its_call_is_allowed_with_a_warning()
    {
        var deployment = Json.Fixture("PublicUrls/deployment-calls-api.json");

        var outcome = Validate(Reviews.Of("apps", "Deployment", deployment, Operation.Update) with { OldObjectJson = deployment });

        outcome.Allowed.Should().BeTrue();
        outcome.Warnings.Should().ContainSingle().Which.Should().StartWith("container \"worker\" ORDERS_API:");
    }
}
