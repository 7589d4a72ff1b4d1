using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using StackBlaze.Webhook.Core.Patches;

namespace StackBlaze.Webhook.Tests.Patches;

public sealed class JsonPatchWriterTests
{
    [Fact]
    public void Value_given_as_json_is_written_as_it_is_and_read_back_as_a_node()
    {
        var operation = JsonPatchOperation.AddJson("/spec/containers/0/env/0", Encoding.UTF8.GetBytes("""{"name":"A","value":"1"}"""));

        Encoding.UTF8.GetString(JsonPatchWriter.ToUtf8Bytes([operation, operation]))
            .Should().Be("""[{"op":"add","path":"/spec/containers/0/env/0","value":{"name":"A","value":"1"}},{"op":"add","path":"/spec/containers/0/env/0","value":{"name":"A","value":"1"}}]""");
        operation.Value["name"]!.GetValue<string>().Should().Be("A");
    }

    [Fact]
    public void An_empty_patch_is_an_empty_array()
    {
        Encoding.UTF8.GetString(JsonPatchWriter.ToUtf8Bytes([])).Should().Be("[]");
    }

    [Fact]
    public void Each_operation_is_an_object_with_op_path_and_value_only()
    {
        var bytes = JsonPatchWriter.ToUtf8Bytes(
        [
            JsonPatchOperation.Add("/metadata/annotations/a~1b", "v"),
            JsonPatchOperation.Add("/spec/containers/0/env", new JsonArray(new JsonObject { ["name"] = "A", ["value"] = "1" })),
        ]);

        var written = JsonNode.Parse(bytes)!;
        JsonNode.DeepEquals(written, JsonNode.Parse("""
            [
              {"op":"add","path":"/metadata/annotations/a~1b","value":"v"},
              {"op":"add","path":"/spec/containers/0/env","value":[{"name":"A","value":"1"}]}
            ]
            """)).Should().BeTrue(written.ToJsonString());
    }

    [Fact]
    public void Members_are_written_in_the_order_op_path_value()
    {
        var bytes = JsonPatchWriter.ToUtf8Bytes([JsonPatchOperation.Add("/a", 1)]);

        using var document = JsonDocument.Parse(bytes);
        document.RootElement[0].EnumerateObject().Select(p => p.Name).Should().Equal("op", "path", "value");
    }

    [Fact]
    public void Keys_with_slash_and_tilde_pass_through_unchanged_in_values()
    {
        var value = new JsonObject { ["example.com/a~b"] = "x" };

        var written = JsonNode.Parse(JsonPatchWriter.ToUtf8Bytes([JsonPatchOperation.Add("/metadata/annotations", value)]))!;

        written[0]!["value"]!.AsObject().Select(p => p.Key).Should().Equal("example.com/a~b");
    }

    [Fact]
    public void The_output_is_compact_and_starts_without_a_byte_order_mark()
    {
        var bytes = JsonPatchWriter.ToUtf8Bytes([JsonPatchOperation.Add("/a", "b")]);

        Encoding.UTF8.GetString(bytes).Should().Be("""[{"op":"add","path":"/a","value":"b"}]""");
    }
}
