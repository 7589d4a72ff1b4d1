using StackBlaze.Webhook.Core.Workloads;

namespace StackBlaze.Webhook.Tests.Workloads;

public class PodKindsTests
{
    [Theory]
    [InlineData("apps", "Deployment", "/spec/template")]
    [InlineData("apps", "StatefulSet", "/spec/template")]
    [InlineData("apps", "DaemonSet", "/spec/template")]
    [InlineData("apps", "ReplicaSet", "/spec/template")]
    [InlineData("batch", "Job", "/spec/template")]
    [InlineData("batch", "CronJob", "/spec/jobTemplate/spec/template")]
    public void Workload_kinds_are_found_with_their_template_pointer(string group, string kind, string templatePointer)
    {
        var found = PodKinds.Find(group, kind);

        found.Should().NotBeNull();
        found!.IsPod.Should().BeFalse();
        found.TemplatePointer.Should().Be(templatePointer);
    }

    [Fact]
    public void Pod_is_its_own_template()
    {
        var pod = PodKinds.Find("", "Pod");

        pod.Should().BeSameAs(PodKinds.Pod);
        pod!.IsPod.Should().BeTrue();
        pod.TemplatePointer.Should().BeEmpty();
    }

    [Theory]
    [InlineData("", "Service")]
    [InlineData("apps", "Pod")]
    [InlineData("extensions", "Deployment")]
    [InlineData("apps", "deployment")]
    public void Other_kinds_are_not_found(string group, string kind)
    {
        PodKinds.Find(group, kind).Should().BeNull();
    }
}
