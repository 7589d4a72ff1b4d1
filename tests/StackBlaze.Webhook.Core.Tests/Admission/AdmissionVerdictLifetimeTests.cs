using System.Text.Json;
using StackBlaze.Webhook.Core.Admission;
using StackBlaze.Webhook.Core.Patches;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Admission;

/// <summary>The host answers after it has given the review's document back: nothing in a verdict may be a view into it.</summary>
public class AdmissionVerdictLifetimeTests
{
    [Theory]
    [InlineData("", "Pod", "pod-init-and-two-containers.json")]
    [InlineData("apps", "Deployment", "deployment-annotated.json")]
    public void Verdict_is_whole_after_the_review_document_is_disposed(string group, string kind, string fixture)
    {
        AdmissionVerdict verdict;
        using (var document = JsonDocument.Parse(File.ReadAllText(Json.FixturePath(fixture))))
        {
            verdict = Reviews.Review(Reviews.Of(group, kind, document.RootElement));
        }

        verdict.Allowed.Should().BeTrue();
        verdict.Patch.Should().NotBeEmpty();
        // Writing reads every value; one still in the disposed document would throw.
        var written = () => JsonPatchWriter.ToUtf8Bytes(verdict.Patch);
        written.Should().NotThrow();
    }
}
