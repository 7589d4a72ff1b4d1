using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Admission;

/// <summary>A container that sets a linked variable itself keeps it, and the response says so.</summary>
public sealed class OwnVariableWarningTests
{
    [Fact]
    public void Only_the_container_that_sets_the_variable_is_skipped_and_warned_about()
    {
        var run = PatchRun.Of("Pods/several-containers");

        run.Outcome.Warnings.Should().ContainSingle()
            .Which.Should().Contain("\"reporting\"").And.Contain("DATABASE_URL");
        var reporting = run.Independent["spec"]!["containers"]![2]!["env"]!.AsArray();
        reporting.Where(e => (string?)e!["name"] == "DATABASE_URL").Should().ContainSingle()
            .Which!["value"]!.GetValue<string>().Should().Be("postgresql://readonly@postgres-replica.internal:5432/mydb");
    }

    [Fact]
    public void The_large_pod_warns_once_for_its_sidecar_API_URL()
    {
        var run = PatchRun.Of("Pods/large-realistic");

        run.Outcome.Warnings.Should().ContainSingle()
            .Which.Should().Contain("\"otel-agent\"").And.Contain("API_URL");
    }
}
