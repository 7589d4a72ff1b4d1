using System.Text.Json;
using StackBlaze.Webhook.Admission;

namespace StackBlaze.Webhook.Tests.Admission;

/// <summary>Half a surrogate pair anywhere in an object makes it malformed; whole pairs and other escapes are fine.</summary>
public sealed class UnicodeTextTests
{
    [Theory]
    [InlineData("""{"a":"plain"}""", true)]
    [InlineData("""{"a":"\ud83d\ude00 pair"}""", true)]
    [InlineData("""{"a":"\ud55c\uae00 hangul, escaped"}""", true)]
    [InlineData("""{"a":"\\ud800 an escaped backslash, then text"}""", true)]
    [InlineData("""{"a":"\ud800"}""", false)]
    [InlineData("""{"a":["x",{"b":"\udc00 low alone"}]}""", false)]
    [InlineData("""{"\ud800":"in a name"}""", false)]
    [InlineData("""{"a":"\ude00\ud83d reversed"}""", false)]
    public void Strings_and_names_must_be_valid_unicode(string json, bool valid)
    {
        using var document = JsonDocument.Parse(json);

        UnicodeText.IsValid(document.RootElement).Should().Be(valid);
    }

    [Fact]
    public void Bad_utf8_in_a_string_is_not_valid()
    {
        byte[] json = [.. "{\"a\":\""u8, 0xC3, 0x28, .. "\"}"u8];
        using var document = JsonDocument.Parse(json);

        UnicodeText.IsValid(document.RootElement).Should().BeFalse();
    }
}
