using System.Text.Json.Nodes;
using StackBlaze.Webhook.Core.Admission;
using StackBlaze.Webhook.Tests.Support;
using static StackBlaze.Webhook.Tests.Support.PublicShop;

namespace StackBlaze.Webhook.Tests.Admission;

/// <summary>
/// ReplicationControllers are workloads like the others: their pods are made by a kube-system
/// controller the validating webhook skips, so the template is the only place a call is refused.
/// </summary>
public class ValidatingAdmissionReplicationControllerTests
{
    [Fact]
    public void Replication_controller_calling_a_public_url_is_refused()
    {
        var controller = new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = "worker" },
            ["spec"] = new JsonObject { ["replicas"] = 1, ["template"] = Pod("ORDERS_API", "https://api.shop.example.com/v1/orders") },
        };

        var outcome = new ValidatingAdmission(Project()).Review(Reviews.Of("", "ReplicationController", Pods.Element(controller)));

        outcome.Allowed.Should().BeFalse();
        outcome.Message.Should().Contain("ORDERS_API: calls https://api.shop.example.com/v1/orders");
    }
}
