using System.Text.Json.Nodes;
using Microsoft.AspNetCore.JsonPatch.SystemTextJson.Exceptions;

namespace StackBlaze.Webhook.Tests.Support;

/// <summary>
/// What the independent applier is trusted for: if it were lenient, the correctness tests built on it
/// would pass patches the API server rejects.
/// </summary>
public sealed class IndependentJsonPatchTests
{
    private static JsonNode Pod() => JsonNode.Parse("""
        {"metadata":{"name":"p","labels":{"app":"a"}},"spec":{"containers":[{"name":"c","env":[{"name":"A","value":"1"}]}]}}
        """)!;

    [Fact]
    public void Adding_below_a_missing_object_member_fails()
    {
        var act = () => IndependentJsonPatch.Apply(Pod(), """[{"op":"add","path":"/metadata/annotations/k","value":"v"}]""");

        act.Should().Throw<JsonPatchException>();
    }

    [Fact]
    public void Member_names_are_matched_case_sensitively()
    {
        var act = () => IndependentJsonPatch.Apply(Pod(), """[{"op":"add","path":"/Metadata/labels/k","value":"v"}]""");

        act.Should().Throw<JsonPatchException>();
    }

    [Fact]
    public void Adding_into_a_missing_array_fails()
    {
        var pod = JsonNode.Parse("""{"spec":{"containers":[{"name":"c"}]}}""")!;

        var act = () => IndependentJsonPatch.Apply(pod, """[{"op":"add","path":"/spec/containers/0/env/0","value":{"name":"A"}}]""");

        act.Should().Throw<JsonPatchException>();
    }

    [Fact]
    public void Adding_past_the_end_of_an_array_fails()
    {
        var act = () => IndependentJsonPatch.Apply(Pod(), """[{"op":"add","path":"/spec/containers/0/env/2","value":{"name":"B"}}]""");

        act.Should().Throw<JsonPatchException>();
    }

    [Fact]
    public void Adding_at_an_array_index_inserts_before_the_element_there()
    {
        var patched = IndependentJsonPatch.Apply(Pod(), """[{"op":"add","path":"/spec/containers/0/env/0","value":{"name":"B"}}]""");

        patched["spec"]!["containers"]![0]!["env"]!.AsArray().Select(e => (string?)e!["name"])
            .Should().Equal("B", "A");
    }

    [Fact]
    public void Adding_a_missing_member_creates_it_with_the_whole_value()
    {
        var patched = IndependentJsonPatch.Apply(Pod(), """[{"op":"add","path":"/metadata/annotations","value":{"x/y":"1"}}]""");

        JsonNode.DeepEquals(patched["metadata"]!["annotations"], JsonNode.Parse("""{"x/y":"1"}""")).Should().BeTrue();
    }

    [Fact]
    public void Escaped_tokens_are_unescaped_per_RFC_6901()
    {
        var patched = IndependentJsonPatch.Apply(Pod(), """[{"op":"add","path":"/metadata/labels/a~1b~0c~01","value":"v"}]""");

        patched["metadata"]!["labels"]!.AsObject().Select(p => p.Key).Should().Equal("app", "a/b~c~1");
    }

    [Fact]
    public void The_original_document_is_left_as_it_was()
    {
        var original = Pod();

        IndependentJsonPatch.Apply(original, """[{"op":"add","path":"/metadata/annotations","value":{}}]""");

        original["metadata"]!.AsObject().ContainsKey("annotations").Should().BeFalse();
    }
}
