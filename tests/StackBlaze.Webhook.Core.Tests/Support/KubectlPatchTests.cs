using System.Text;
using System.Text.Json.Nodes;

namespace StackBlaze.Webhook.Tests.Support;

/// <summary>The kubectl cross-check works offline and refuses what the API server refuses.</summary>
public sealed class KubectlPatchTests
{
    private static JsonNode Pod() => JsonNode.Parse("""
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"name":"c","image":"i"}]}}
        """)!;

    [Fact]
    public async Task Adding_below_a_missing_parent_is_refused()
    {
        var act = () => KubectlPatch.ApplyAsync(Pod(), Encoding.UTF8.GetBytes("""[{"op":"add","path":"/metadata/annotations/k","value":"v"}]"""));

        (await act.Should().ThrowAsync<KubectlPatchException>()).WithMessage("*missing*");
    }

    [Fact]
    public async Task Adding_into_a_missing_env_is_refused()
    {
        var act = () => KubectlPatch.ApplyAsync(Pod(), Encoding.UTF8.GetBytes("""[{"op":"add","path":"/spec/containers/0/env/0","value":{"name":"A"}}]"""));

        await act.Should().ThrowAsync<KubectlPatchException>();
    }

    [Fact]
    public async Task Escaped_keys_become_slash_and_tilde()
    {
        var patched = await KubectlPatch.ApplyAsync(Pod(), Encoding.UTF8.GetBytes(
            """[{"op":"add","path":"/metadata/annotations","value":{}},{"op":"add","path":"/metadata/annotations/example.com~1a~0b","value":"v"}]"""));

        patched["metadata"]!["annotations"]!.AsObject().Select(p => p.Key).Should().Equal("example.com/a~b");
    }
}
