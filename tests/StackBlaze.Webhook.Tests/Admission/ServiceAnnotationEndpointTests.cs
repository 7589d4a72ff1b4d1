using StackBlaze.Webhook.Core.Catalog;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Admission;

/// <summary>A Service whose annotations would inject more than an address: its links are denied over HTTPS, naming it.</summary>
public sealed class ServiceAnnotationEndpointTests
{
    [Theory]
    [InlineData("backend, postgres", "stackblaze.io/env-name: \"LD_PRELOAD\", which is a reserved name")]
    [InlineData("postgres", "stackblaze.io/database: \"mydb?host=elsewhere\", which is not a database name")]
    public async Task Pod_linking_a_service_with_a_hostile_annotation_is_denied_naming_the_service_and_annotation(string links, string quoted)
    {
        var catalog = new StaticProjectCatalog(
        [
            new ServiceEntry("shop", "backend", [new ServicePortEntry("http", 3000, null)]) { EnvName = "LD_PRELOAD" },
            new ServiceEntry("shop", "postgres", [new ServicePortEntry("postgres", 5432, "postgresql")]) { Database = "mydb?host=elsewhere" },
        ]);
        await using var server = await LoopbackServer.StartAsync(catalog);
        var review = Reviews.Load("frontend-pod-create.json");
        review.PodAnnotations()["stackblaze.io/links"] = links;

        var response = await (await server.Client.PostAsync("/mutate", review)).ReadResponseAsync();

        response["allowed"]!.GetValue<bool>().Should().BeFalse();
        response["patch"].Should().BeNull();
        response["status"]!["message"]!.GetValue<string>().Should().Contain(quoted);
    }
}
