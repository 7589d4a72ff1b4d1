using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using StackBlaze.Webhook.Admission;
using StackBlaze.Webhook.Core.Admission;
using StackBlaze.Webhook.Core.Policy;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Admission;

/// <summary>What the API server's audit log records of each review: names, reasons and counts, never an object.</summary>
public sealed partial class AuditAnnotationTests(WebhookServerFixture server) : IClassFixture<WebhookServerFixture>
{
    private readonly HttpClient _client = server.Client;

    [Fact]
    public async Task Injection_is_audited_with_the_names_of_the_variables()
    {
        var response = await (await _client.PostAsync("/mutate", Reviews.Load("frontend-pod-create.json"))).ReadResponseAsync();

        response["auditAnnotations"]!.ToJsonString().Should().Be("""{"injected-env":"API_URL,DATABASE_USER,DATABASE_PASSWORD,DATABASE_URL"}""");
    }

    [Fact]
    public async Task Denial_is_audited_with_its_reason_and_the_findings_with_the_mode()
    {
        var response = await (await _client.PostAsync("/validate", Reviews.Load("worker-deployment-create.json"))).ReadResponseAsync();

        var audit = response["auditAnnotations"]!.AsObject();
        audit["denied"]!.GetValue<string>().Should().Be(response["status"]!["message"]!.GetValue<string>());
        audit["public-url-findings"]!.GetValue<string>().Should().Be("1");
        audit["public-url-policy"]!.GetValue<string>().Should().Be("enforce");
    }

    [Fact]
    public async Task Review_that_did_nothing_carries_no_audit_annotations()
    {
        var response = await (await _client.PostAsync("/validate", Reviews.Load("frontend-pod-create.json"))).ReadResponseAsync();

        response["allowed"]!.GetValue<bool>().Should().BeTrue();
        response.ContainsKey("auditAnnotations").Should().BeFalse();
    }

    [Fact]
    public void Keys_are_valid_label_names_and_long_values_stay_under_10_KB_of_utf8()
    {
        var verdict = AdmissionVerdict.Denied(DenialReason.Policy, string.Concat(Enumerable.Repeat("€😀", 20_000))) with
        {
            InjectedEnv = [.. Enumerable.Range(0, 5000).Select(i => $"VARIABLE_{i}")],
            Findings = new PolicyFindings(PolicyMode.Warn, 3),
        };

        using var written = new PooledBuffer();
        AdmissionReviewWriter.Write(written, "u", AdmissionAnswer.To(verdict));
        var answer = JsonNode.Parse(written.Written.Span)!;
        var annotations = answer["response"]!["auditAnnotations"]!.AsObject().ToDictionary(a => a.Key, a => a.Value!.GetValue<string>());

        annotations.Keys.Should().BeEquivalentTo("injected-env", "denied", "public-url-findings", "public-url-policy");
        annotations.Keys.Should().OnlyContain(key => LabelName().IsMatch(key));
        annotations.Values.Should().OnlyContain(value => Encoding.UTF8.GetByteCount(value) < 10 * 1024);
        annotations["denied"].Should().EndWith("…");
        annotations["denied"].Should().NotContain("\ufffd", "no surrogate pair is cut in half");
        Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(annotations["denied"])).Should().Be(annotations["denied"]);
    }

    // The name part of a qualified name, as Kubernetes validates audit annotation keys.
    [GeneratedRegex("^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$")]
    private static partial Regex LabelName();

}
