using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Logging;

/// <summary>
/// <c>serve</c> with its output to a pipe, as in a pod: one JSON object per line, one line per
/// denial and per warning, with the fields an operator filters on and never the object itself.
/// </summary>
public sealed class JsonLogTests
{
    private const string Uid = "0f3c8a1e-5b7d-4c2a-9e61-2d4b8f0a7c11";

    [Fact]
    public async Task Denial_and_warning_are_each_one_json_line_with_namespace_name_uid_and_reason()
    {
        using var certificates = await TestCertificates.CreateAsync();
        await using var server = ServerProcess.Start(
            "--catalog", "deploy/examples/shop", "--urls", "https://127.0.0.1:0",
            "--tls-cert", certificates.CertFile, "--tls-key", certificates.KeyFile);
        using var client = certificates.CreateTrustingClient(await server.WaitForListeningAsync());

        await client.PostAsync("/mutate", Pod("frontend-denied", "payments", setsApiUrl: false));
        await client.PostAsync("/mutate", Pod("frontend-warned", "backend", setsApiUrl: true));
        var denied = await StateOfAsync(server, 10);
        var warned = await StateOfAsync(server, 11);

        server.Lines.Should().OnlyContain(line => JsonNode.Parse(line) is JsonObject);
        denied["NamespaceName"]!.GetValue<string>().Should().Be("shop");
        denied["Kind"]!.GetValue<string>().Should().Be("Pod");
        denied["Name"]!.GetValue<string>().Should().Be("frontend-denied");
        denied["Uid"]!.GetValue<string>().Should().Be(Uid);
        denied["Reason"]!.GetValue<string>().Should().Contain("no service \"payments\"");
        warned["NamespaceName"]!.GetValue<string>().Should().Be("shop");
        warned["Name"]!.GetValue<string>().Should().Be("frontend-warned");
        warned["Uid"]!.GetValue<string>().Should().Be(Uid);
        warned["Warning"]!.GetValue<string>().Should().Contain("API_URL");
        server.Lines.Where(line => line.Contains("\"EventId\":10,", StringComparison.Ordinal)).Should().ContainSingle();
        server.Lines.Should().NotContain(line => line.Contains("registry.example.com", StringComparison.Ordinal), "no log line carries the object");
    }

    private static JsonObject Pod(string name, string links, bool setsApiUrl)
    {
        var review = Reviews.Load("frontend-pod-create.json");
        var pod = review.Request()["object"]!.AsObject();
        // The API server sends the name in the request too, when the object has one.
        review.Request()["name"] = name;
        pod["metadata"]!["name"] = name;
        pod["metadata"]!["annotations"]!["stackblaze.io/links"] = links;
        if (setsApiUrl)
        {
            pod["spec"]!["containers"]![0]!["env"]!.AsArray().Add(new JsonObject { ["name"] = "API_URL", ["value"] = "http://localhost:3000" });
        }
        return review;
    }

    private static async Task<JsonObject> StateOfAsync(ServerProcess server, int eventId)
    {
        var marker = $"\"EventId\":{eventId},";
        await server.WaitForLineAsync(new Regex(Regex.Escape(marker)));
        var entry = server.Lines.Single(l => l.Contains(marker, StringComparison.Ordinal));
        return JsonNode.Parse(entry)!["State"]!.AsObject();
    }
}
