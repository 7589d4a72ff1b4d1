using StackBlaze.Webhook.Core.Explanation;

namespace StackBlaze.Webhook.Tests.Explanation;

/// <summary><c>explain KIND/NAME</c>: the kind spelled as kubectl takes it, the name as Kubernetes allows it.</summary>
public class ExplainTargetTests
{
    [Theory]
    [InlineData("deployment/web", "apps", "Deployment")]
    [InlineData("deployments/web", "apps", "Deployment")]
    [InlineData("deploy/web", "apps", "Deployment")]
    [InlineData("Deployment/web", "apps", "Deployment")]
    [InlineData("pod/web", "", "Pod")]
    [InlineData("po/web", "", "Pod")]
    [InlineData("statefulset/web", "apps", "StatefulSet")]
    [InlineData("sts/web", "apps", "StatefulSet")]
    [InlineData("daemonset/web", "apps", "DaemonSet")]
    [InlineData("ds/web", "apps", "DaemonSet")]
    [InlineData("replicaset/web", "apps", "ReplicaSet")]
    [InlineData("rs/web", "apps", "ReplicaSet")]
    [InlineData("job/web", "batch", "Job")]
    [InlineData("jobs/web", "batch", "Job")]
    [InlineData("cronjob/web", "batch", "CronJob")]
    [InlineData("cj/web", "batch", "CronJob")]
    [InlineData("replicationcontroller/web", "", "ReplicationController")]
    [InlineData("rc/web", "", "ReplicationController")]
    public void Kubectl_spellings_of_the_kinds_the_webhook_handles_are_taken(string text, string group, string kind)
    {
        ExplainTarget.Parse(text, out var error).Should().Be(new ExplainTarget(group, kind, "web"));
        error.Should().BeNull();
    }

    [Theory]
    [InlineData("web")]
    [InlineData("deployment/")]
    [InlineData("/web")]
    [InlineData("svc/backend")]
    [InlineData("deployment/Web")]
    [InlineData("deployment/web/")]
    [InlineData("deployment/web.")]
    [InlineData("deploy /web")]
    public void Anything_else_is_refused_with_the_form_a_target_takes(string text)
    {
        ExplainTarget.Parse(text, out var error).Should().BeNull();
        error.Should().StartWith("the target must be KIND/NAME").And.EndWith($"not \"{text}\"");
    }

    [Fact]
    public void A_name_of_253_characters_is_taken_and_254_are_not()
    {
        ExplainTarget.Parse("po/" + new string('a', 253), out _).Should().NotBeNull();
        ExplainTarget.Parse("po/" + new string('a', 254), out _).Should().BeNull();
    }
}
