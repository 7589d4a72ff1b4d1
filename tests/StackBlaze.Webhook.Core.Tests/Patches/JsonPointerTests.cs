using StackBlaze.Webhook.Core.Patches;

namespace StackBlaze.Webhook.Tests.Patches;

public sealed class JsonPointerTests
{
    [Theory]
    [InlineData("a/b", "a~1b")]
    [InlineData("a~b", "a~0b")]
    [InlineData("~/", "~0~1")]
    [InlineData("/~", "~1~0")]
    [InlineData("~1", "~01")]
    [InlineData("example.com/a~b", "example.com~1a~0b")]
    [InlineData("stackblaze.io/injected-env", "stackblaze.io~1injected-env")]
    public void Escape_writes_tilde_as_0_before_slash_as_1(string segment, string expected)
    {
        JsonPointer.Escape(segment).Should().Be(expected);
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("")]
    [InlineData("0")]
    public void Escape_leaves_segments_without_tilde_or_slash_alone(string segment)
    {
        JsonPointer.Escape(segment).Should().Be(segment);
    }

    [Theory]
    [InlineData("a~1b", "a/b")]
    [InlineData("~01", "~1")]
    [InlineData("~10", "/0")]
    [InlineData("~0~1", "~/")]
    public void Unescape_reads_1_before_0(string token, string expected)
    {
        JsonPointer.Unescape(token).Should().Be(expected);
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("~/")]
    [InlineData("~1")]
    [InlineData("~01/~10")]
    [InlineData("example.com/a~b")]
    public void Unescape_undoes_Escape(string segment)
    {
        JsonPointer.Unescape(JsonPointer.Escape(segment)).Should().Be(segment);
    }

    [Fact]
    public void Append_escapes_the_segment_but_not_the_base()
    {
        JsonPointer.Append("/metadata/annotations", "example.com/a~b")
            .Should().Be("/metadata/annotations/example.com~1a~0b");
    }

    [Fact]
    public void Append_of_an_index_adds_it_as_a_token()
    {
        JsonPointer.Append("/spec/containers", 2).Should().Be("/spec/containers/2");
    }
}
