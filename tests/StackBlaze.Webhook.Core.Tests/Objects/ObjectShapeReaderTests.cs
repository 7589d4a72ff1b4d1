using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Objects;

public class ObjectShapeReaderTests
{
    [Fact]
    public void Containers_and_init_containers_are_read_with_their_env_names()
    {
        var pod = Pods.Fixture("pod-init-and-two-containers.json");

        pod.InitContainers.Should().ContainSingle().Which.Name.Should().Be("migrate");
        pod.Containers.Select(c => c.Name).Should().Equal("web", "sidecar");
        pod.Containers[0].EnvCount.Should().Be(2);
        pod.Containers[0].Find(["LOG_LEVEL", "API_BASE", "API_URL"]).Select(at => at >= 0).Should().Equal(true, true, false);
    }

    [Fact]
    public void An_annotation_name_written_with_escapes_is_still_ours()
    {
        var metadata = Pods.Read(Json.Parse("""
            {"metadata":{"annotations":{"stackblaze.io\/links":"backend","\u0073tackblaze.io/inject":"false","stackblaze.iox":"no"}},
             "spec":{"containers":[{"name":"a"}]}}
            """)).Metadata;

        metadata.Annotations.Keys.Should().BeEquivalentTo(["stackblaze.io/links", "stackblaze.io/inject"]);
        metadata.Annotation("stackblaze.io/links").Should().Be("backend");
    }

    [Theory]
    [InlineData("""{"spec":{"containers":[{"name":"a"}]}}""", null)]
    [InlineData("""{"spec":{"containers":[{"name":"a","env":null}]}}""", null)]
    [InlineData("""{"spec":{"containers":[{"name":"a","env":[]}]}}""", 0)]
    public void Env_count_tells_a_missing_env_from_an_empty_one(string json, int? expected)
    {
        Pods.Read(Json.Parse(json)).Containers[0].EnvCount.Should().Be(expected);
    }

    [Fact]
    public void Only_stackblaze_annotations_are_kept()
    {
        var metadata = Pods.Fixture("pod-init-and-two-containers.json").Metadata;

        metadata.Exists.Should().BeTrue();
        metadata.HasAnnotations.Should().BeTrue();
        metadata.Annotations.Keys.Should().BeEquivalentTo(["stackblaze.io/links"]);
        metadata.Annotation("stackblaze.io/links").Should().Be("backend, postgres");
    }

    [Theory]
    [InlineData("""{"spec":{"containers":[{}]}}""")]
    [InlineData("""{"metadata":null,"spec":{"containers":[{}]}}""")]
    public void Missing_metadata_is_told_apart_so_a_patch_can_create_it(string json)
    {
        var metadata = Pods.Read(Json.Parse(json)).Metadata;

        metadata.Exists.Should().BeFalse();
        metadata.HasAnnotations.Should().BeFalse();
    }

    [Fact]
    public void Metadata_without_annotations_is_told_apart()
    {
        var metadata = Pods.Read(Json.Parse("""{"metadata":{"name":"p"},"spec":{"containers":[{}]}}""")).Metadata;

        metadata.Exists.Should().BeTrue();
        metadata.HasAnnotations.Should().BeFalse();
    }

    [Fact]
    public void Container_without_a_name_is_read_with_an_empty_name()
    {
        Pods.Read(Json.Parse("""{"spec":{"containers":[{}]}}""")).Containers[0].Name.Should().BeEmpty();
    }
}
