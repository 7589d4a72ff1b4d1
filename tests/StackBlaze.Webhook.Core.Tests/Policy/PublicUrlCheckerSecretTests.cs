using StackBlaze.Webhook.Core.Admission;
using StackBlaze.Webhook.Tests.Support;
using static StackBlaze.Webhook.Tests.Support.PublicShop;

namespace StackBlaze.Webhook.Tests.Policy;

/// <summary>A refused call never carries its credentials into the denial, the warnings, the audit log or the logs.</summary>
public class PublicUrlCheckerSecretTests
{
    [Fact]
    public void Denial_of_a_url_with_a_password_and_an_api_key_shows_neither()
    {
        var pod = Pods.Element(Pod("ORDERS_API", "https://svc:hunter2@api.shop.example.com/v1/orders?apikey=s3cr3t&status=open"));

        var outcome = new ValidatingAdmission(Project()).Review(Reviews.Pod(pod));

        outcome.Allowed.Should().BeFalse();
        outcome.Message.Should().NotContain("hunter2").And.NotContain("s3cr3t").And.EndWith(
            "calls https://***@api.shop.example.com/v1/orders?apikey=***&status=open, the public URL of service \"backend\"; "
            + "use http://backend.internal:3000/v1/orders?apikey=***&status=open");
    }

    [Fact]
    public void Config_map_value_is_quoted_without_its_query()
    {
        var catalog = Project(null, ConfigMap("app", ("orders", "https://api.shop.example.com/v1/orders?token=s3cr3t")));
        var pod = Pods.Element(System.Text.Json.Nodes.JsonNode.Parse("""
            {"spec":{"containers":[{"name":"app","envFrom":[{"configMapRef":{"name":"app"}}]}]}}
            """)!);

        var outcome = new ValidatingAdmission(catalog).Review(Reviews.Pod(pod));

        outcome.Message.Should().NotContain("s3cr3t").And.Contain("calls https://api.shop.example.com/v1/orders, the public URL");
    }
}
