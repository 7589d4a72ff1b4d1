using StackBlaze.Webhook.Core.Policy;
using StackBlaze.Webhook.Tests.Support;
using static StackBlaze.Webhook.Tests.Support.PublicShop;

namespace StackBlaze.Webhook.Tests.Policy;

public class ContainerConfigReaderEphemeralTests
{
    [Fact]
    public void Ephemeral_containers_are_read_after_the_others_env_and_arguments_alike()
    {
        var pod = Json.Parse("""
            {"spec":{
              "containers":[{"name":"app","env":[{"name":"API","value":"http://backend.internal:3000"}]}],
              "ephemeralContainers":[{"name":"debugger","targetContainerName":"app",
                "env":[{"name":"ORDERS_API","value":"https://api.shop.example.com/v1"}],
                "command":["sh","-c","curl api.shop.example.com/health"]}]}}
            """);

        ContainerConfigReader.Read(Pods.Read(pod), Services.Namespace, Project()).Should().Equal(
            new ConfigValue("app", "API", "API", "http://backend.internal:3000"),
            new ConfigValue("debugger", "ORDERS_API", "ORDERS_API", "https://api.shop.example.com/v1"),
            new ConfigValue("debugger", "command[2]", null, "curl api.shop.example.com/health"));
    }
}
