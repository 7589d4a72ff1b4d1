using System.Text.Json.Nodes;
using k8s.Models;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Deploy;

/// <summary>
/// What the ValidatingAdmissionPolicy of project labels decides, its CEL run by a real CEL
/// implementation on Namespace requests from tenants, the platform group and cluster admins.
/// </summary>
public sealed class ProjectLabelPolicyDecisionTests(RenderedOverlays overlays) : IClassFixture<RenderedOverlays>
{
    private const string Project = "stackblaze.io/project";
    private const string Mode = "stackblaze.io/public-url-policy";
    private const string Network = "stackblaze.io/network-policy";
    private const string Tenant = "developers";
    private const string Platform = "stackblaze-platform";

    public static TheoryData<string, string, string?, string?, string?> Requests => new()
    {
        // what happens, who (group), old labels, new labels (k=v;k=v), refusal reason or null
        { "a tenant makes a plain namespace", Tenant, null, "team=shop", null },
        { "a tenant makes a namespace a project", Tenant, null, $"{Project}=shop", "Forbidden" },
        { "a tenant edits another label of a project", Tenant, $"{Project}=shop;team=a", $"{Project}=shop;team=b", null },
        { "a tenant switches the policy off", Tenant, $"{Project}=shop", $"{Project}=shop;{Mode}=off", "Forbidden" },
        { "a tenant changes enforce to warn", Tenant, $"{Project}=shop;{Mode}=enforce", $"{Project}=shop;{Mode}=warn", "Forbidden" },
        { "a tenant removes the project label", Tenant, $"{Project}=shop;team=a", "team=a", "Forbidden" },
        { "a tenant removes every label", Tenant, $"{Project}=shop", null, "Forbidden" },
        { "the platform makes a project in warn mode, in capitals", Platform, null, $"{Project}=shop;{Mode}=Warn", null },
        { "the platform sets a mode the webhook does not read", Platform, $"{Project}=shop", $"{Project}=shop;{Mode}=warning", "Invalid" },
        { "the platform sets an empty project", Platform, null, $"{Project}=", "Invalid" },
        { "a cluster admin switches the policy off", "system:masters", $"{Project}=shop", $"{Project}=shop;{Mode}=off", null },
        { "a tenant turns link policies on", Tenant, $"{Project}=shop", $"{Project}=shop;{Network}=links", "Forbidden" },
        { "a tenant turns link policies off", Tenant, $"{Project}=shop;{Network}=links", $"{Project}=shop", "Forbidden" },
        { "the platform turns link policies on", Platform, $"{Project}=shop", $"{Project}=shop;{Network}=links", null },
        { "the platform turns link policies off", Platform, $"{Project}=shop;{Network}=links", $"{Project}=shop", null },
        { "the platform sets a network policy the reconciler does not read", Platform, $"{Project}=shop", $"{Project}=shop;{Network}=Links", "Invalid" },
        { "a tenant edits a namespace labelled before the policy with a bad mode", Tenant, $"{Project}=shop;{Mode}=bogus;team=a", $"{Project}=shop;{Mode}=bogus;team=b", null },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Policy_decides_as_the_platform_means(string what, string group, string? oldLabels, string? newLabels, string? refusedAs)
    {
        var policy = overlays[RenderedOverlays.Base].One<V1ValidatingAdmissionPolicy>();
        var variables = policy.Spec.Variables.Select(v => (v.Name, v.Expression)).ToList();
        var request = new JsonObject
        {
            ["request"] = new JsonObject { ["userInfo"] = new JsonObject { ["username"] = "someone", ["groups"] = new JsonArray(group, "system:authenticated") } },
            ["object"] = Namespace(newLabels),
            ["oldObject"] = oldLabels is null ? null : Namespace(oldLabels),
        };

        var failed = new List<string>();
        foreach (var validation in policy.Spec.Validations)
        {
            var result = (await CelEvaluator.EvaluateAsync(validation.Expression, variables, request))[0];
            result.Should().NotBeNull().And.Match<JsonNode>(r => r.GetValueKind() == System.Text.Json.JsonValueKind.True || r.GetValueKind() == System.Text.Json.JsonValueKind.False,
                $"{validation.Expression} must evaluate for {what}, not fail: {result?.ToJsonString()}");
            if (!result!.GetValue<bool>())
            {
                failed.Add(validation.Reason);
            }
        }

        failed.Should().Equal(refusedAs is null ? [] : [refusedAs], what);
    }

    [Fact]
    public async Task Refusal_names_the_platform_group_and_the_labels_touched()
    {
        var policy = overlays[RenderedOverlays.Base].One<V1ValidatingAdmissionPolicy>();
        var guard = policy.Spec.Validations.Single(v => v.Reason == "Forbidden");
        var request = new JsonObject
        {
            ["request"] = new JsonObject { ["userInfo"] = new JsonObject { ["username"] = "alice" } },
            ["object"] = Namespace($"{Project}=shop;{Mode}=off"),
            ["oldObject"] = Namespace($"{Project}=shop"),
        };

        var message = await CelEvaluator.EvaluateAsync(guard.MessageExpression, policy.Spec.Variables.Select(v => (v.Name, v.Expression)), request);

        message[0]!.GetValue<string>().Should().Be(
            $"only the platform group {Platform} may add, change or remove {Mode} on a Namespace: ask your platform team to make it a project or change its policy");
    }

    private static JsonObject Namespace(string? labels)
    {
        var metadata = new JsonObject { ["name"] = "shop" };
        if (labels is not null)
        {
            metadata["labels"] = new JsonObject([.. labels.Split(';').Select(pair => pair.Split('=', 2))
                .Select(kv => KeyValuePair.Create(kv[0], (JsonNode?)JsonValue.Create(kv[1])))]);
        }
        return new JsonObject { ["metadata"] = metadata };
    }
}
