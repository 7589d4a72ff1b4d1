using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Admission;

/// <summary>
/// A refused call whose URL holds a password and an API key: <c>serve</c>, in its own process,
/// answers with neither in the denial, the warnings or the audit annotations, and logs neither.
/// </summary>
public sealed class SecretEchoTests
{
    private const string Password = "hunter2-pw";
    private const string ApiKey = "s3cr3t-key";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task No_password_or_api_key_leaves_the_webhook_in_a_denial_or_a_warning(bool controllerMade)
    {
        using var certificates = await TestCertificates.CreateAsync();
        await using var server = ServerProcess.Start(
            "--catalog", RepositoryPaths.ShopExample, "--urls", "https://127.0.0.1:0",
            "--tls-cert", certificates.CertFile, "--tls-key", certificates.KeyFile);
        using var client = certificates.CreateTrustingClient(await server.WaitForListeningAsync());
        var review = Reviews.Load("frontend-pod-create.json");
        var uid = Guid.NewGuid().ToString();
        review.Request()["uid"] = uid;
        var pod = review.Request()["object"]!.AsObject();
        if (!controllerMade)
        {
            // A person's own pod is refused; a ReplicaSet's only warned about.
            review.Request()["userInfo"] = new JsonObject { ["username"] = "alice@example.com" };
        }
        pod["spec"]!["containers"]![0]!["env"]!.AsArray().Add(new JsonObject
        {
            ["name"] = "ORDERS_API",
            ["value"] = $"https://svc:{Password}@api.shop.example.com/v1/orders?apikey={ApiKey}&status=open",
        });

        var response = await (await client.PostAsync("/validate", review)).ReadResponseAsync();
        await server.WaitForLineAsync(new Regex(Regex.Escape(uid)));

        // Everything the API server passes on or writes down: the message, the warnings, the audit annotations.
        var said = string.Join('\n', new[] { (string?)response["status"]?["message"] ?? "" }
            .Concat(response["warnings"]?.AsArray().Select(w => (string)w!) ?? [])
            .Concat(response["auditAnnotations"]?.AsObject().Select(a => (string)a.Value!) ?? []));
        said.Should().Contain("***@api.shop.example.com/v1/orders?apikey=***&status=open").And.NotContain(Password).And.NotContain(ApiKey);
        server.Lines.Should().NotContain(line => line.Contains(Password, StringComparison.Ordinal) || line.Contains(ApiKey, StringComparison.Ordinal));
    }
}
