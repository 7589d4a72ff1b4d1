using System.Text.Json.Nodes;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Admission;

/// <summary>The operations themselves: which paths the webhook writes, and how.</summary>
public sealed class PodPatchShapeTests
{
    [Fact]
    public void A_container_without_env_gets_it_created_whole_in_one_operation()
    {
        var run = PatchRun.Of("Pods/without-env");

        var envOps = run.Outcome.Patch.Where(op => op.Path.StartsWith("/spec/", StringComparison.Ordinal)).ToArray();
        envOps.Should().ContainSingle();
        envOps[0].Op.Should().Be("add");
        envOps[0].Path.Should().Be("/spec/containers/0/env");
        envOps[0].Value.Should().BeOfType<JsonArray>().Which.Should().HaveCount(4);
    }

    [Fact]
    public void A_container_with_env_gets_inserts_at_the_front_never_a_replacement()
    {
        var run = PatchRun.Of("Pods/with-env");

        run.Outcome.Patch.Where(op => op.Path.StartsWith("/spec/", StringComparison.Ordinal)).Select(op => op.Path)
            .Should().Equal("/spec/containers/0/env/0", "/spec/containers/0/env/1", "/spec/containers/0/env/2", "/spec/containers/0/env/3");
    }

    [Fact]
    public void Injected_variables_come_first_and_the_container_own_keep_order_and_content()
    {
        var run = PatchRun.Of("Pods/with-env");

        var env = run.Independent["spec"]!["containers"]![0]!["env"]!.AsArray();
        env.Take(4).Select(e => (string?)e!["name"]).Should().Equal("API_URL", "DATABASE_USER", "DATABASE_PASSWORD", "DATABASE_URL");
        new JsonArray([.. env.Skip(4).Select(e => e!.DeepClone())])
            .ShouldDeepEqual(run.Original["spec"]!["containers"]![0]!["env"]);
    }

    [Fact]
    public void The_injected_env_annotation_key_is_escaped_in_the_path()
    {
        var run = PatchRun.Of("Pods/keys-with-slash-and-tilde");

        run.Outcome.Patch.Select(op => op.Path).Should().Contain("/metadata/annotations/stackblaze.io~1injected-env");
    }

    [Fact]
    public void Annotations_with_slash_and_tilde_in_their_keys_survive_unchanged()
    {
        var run = PatchRun.Of("Pods/keys-with-slash-and-tilde");

        var annotations = run.Independent["metadata"]!["annotations"]!;
        ((string?)annotations["example.com/a~b"]).Should().Be("tilde and slash");
        ((string?)annotations["example.com/literal~1"]).Should().Be("a key that looks escaped already");
        annotations.AsObject().Should().HaveCount(5);
    }

    [Fact]
    public void A_pod_without_annotations_gets_no_patch()
    {
        var run = PatchRun.Of("Pods/without-annotations");

        run.Outcome.Patch.Should().BeEmpty();
        System.Text.Encoding.UTF8.GetString(run.PatchUtf8).Should().Be("[]");
    }

    [Fact]
    public void The_large_pod_is_patched_only_in_env_annotations_and_link_labels()
    {
        var run = PatchRun.Of("Pods/large-realistic");

        run.Outcome.Patch.Should().OnlyContain(op => op.Op == "add").And.OnlyContain(op =>
            op.Path.StartsWith("/spec/containers/", StringComparison.Ordinal) && op.Path.Contains("/env", StringComparison.Ordinal)
            || op.Path.StartsWith("/spec/initContainers/", StringComparison.Ordinal) && op.Path.Contains("/env", StringComparison.Ordinal)
            || op.Path == "/metadata/annotations/stackblaze.io~1injected-env"
            || op.Path.StartsWith("/metadata/labels/links.stackblaze.io~1", StringComparison.Ordinal));
    }
}
