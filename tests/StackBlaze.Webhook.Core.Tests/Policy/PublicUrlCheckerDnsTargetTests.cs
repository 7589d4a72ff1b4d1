using StackBlaze.Webhook.Core.Policy;
using StackBlaze.Webhook.Tests.Support;
using static StackBlaze.Webhook.Tests.Support.PublicShop;

namespace StackBlaze.Webhook.Tests.Policy;

/// <summary>A gRPC <c>dns:</c> target is quoted as written, less any password, from env and ConfigMaps alike.</summary>
public class PublicUrlCheckerDnsTargetTests
{
    [Theory]
    [InlineData("dns:api.shop.example.com:443", "dns:api.shop.example.com:443")]
    [InlineData("dns:///api.shop.example.com", "dns:///api.shop.example.com")]
    [InlineData("dns://resolver:hunter2@8.8.8.8/api.shop.example.com:443", "dns://***@8.8.8.8/api.shop.example.com:443")]
    public void Target_is_quoted_as_written_without_a_password(string value, string quoted)
    {
        var env = PublicUrlChecker.Check(Pods.Read(Pods.Element(Pod("GRPC_TARGET", value))), new HashSet<string>(), Services.Namespace, Project());
        var catalog = Project(null, ConfigMap("app", ("GRPC_TARGET", value)));
        var fromConfigMap = PublicUrlChecker.Check(
            Pods.Read(Json.Parse("""{"spec":{"containers":[{"name":"app","envFrom":[{"configMapRef":{"name":"app"}}]}]}}""")),
            new HashSet<string>(), Services.Namespace, catalog);

        env.Concat(fromConfigMap).Select(f => (f.Address, f.Service, f.InternalAddress)).Should().Equal(
            (quoted, "backend", "dns:///backend.internal:3000"), (quoted, "backend", "dns:///backend.internal:3000"));
    }
}
