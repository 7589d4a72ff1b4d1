using StackBlaze.Webhook.Core.Objects;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Objects;

public class ObjectShapeReaderErrorTests
{
    [Theory]
    [InlineData("""[]""", "the object is not a JSON object")]
    [InlineData("""{"metadata":[]}""", "metadata is not an object")]
    [InlineData("""{"metadata":{"annotations":"x"}}""", "metadata.annotations is not an object")]
    [InlineData("""{"metadata":{"annotations":{"a/b":1}}}""", "metadata.annotations[\"a/b\"] is not a string")]
    [InlineData("""{"metadata":{}}""", "spec is missing")]
    [InlineData("""{"spec":"x"}""", "spec is not an object")]
    [InlineData("""{"spec":{}}""", "spec.containers is missing or empty")]
    [InlineData("""{"spec":{"containers":[]}}""", "spec.containers is missing or empty")]
    [InlineData("""{"spec":{"containers":{}}}""", "spec.containers is not an array")]
    [InlineData("""{"spec":{"containers":["app"]}}""", "spec.containers[0] is not an object")]
    [InlineData("""{"spec":{"containers":[{"name":"a"},{"env":{}}]}}""", "spec.containers[1].env is not an array")]
    [InlineData("""{"spec":{"containers":[{"env":[{"value":"x"}]}]}}""", "spec.containers[0].env has an entry without a name")]
    [InlineData("""{"spec":{"containers":[{"env":[{"name":3}]}]}}""", "spec.containers[0].env has an entry without a name")]
    [InlineData("""{"spec":{"containers":[{}],"initContainers":5}}""", "spec.initContainers is not an array")]
    [InlineData("""{"spec":{"containers":[{}],"ephemeralContainers":[{"env":[{}]}]}}""", "spec.ephemeralContainers[0].env has an entry without a name")]
    public void Malformed_pod_is_not_read_and_the_message_says_where(string json, string expected)
    {
        var pod = ObjectShapeReader.ReadPod(Json.Parse(json), out var error);

        pod.Should().BeNull();
        error.Should().Be(expected);
    }

    [Theory]
    [InlineData("""[]""")]
    [InlineData("""  "a pod" """)]
    public void Metadata_of_something_that_is_not_an_object_is_an_error_not_an_exception(string json)
    {
        var metadata = ObjectShapeReader.ReadMetadata(Json.Parse(json), out var error);

        metadata.Should().BeNull();
        error.Should().Be("the object is not a JSON object");
    }
}
