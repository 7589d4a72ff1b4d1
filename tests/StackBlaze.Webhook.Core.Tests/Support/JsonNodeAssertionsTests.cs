using System.Text.Json.Nodes;
using Xunit.Sdk;

namespace StackBlaze.Webhook.Tests.Support;

/// <summary>The comparison every expected-file test rests on.</summary>
public sealed class JsonNodeAssertionsTests
{
    [Fact]
    public void Member_order_does_not_matter()
    {
        JsonNode.Parse("""{"a":1,"b":{"c":2,"d":3}}""").ShouldDeepEqual(JsonNode.Parse("""{"b":{"d":3,"c":2},"a":1}"""));
    }

    [Fact]
    public void Array_order_matters()
    {
        var act = () => JsonNode.Parse("""{"env":[{"name":"A"},{"name":"B"}]}""")
            .ShouldDeepEqual(JsonNode.Parse("""{"env":[{"name":"B"},{"name":"A"}]}"""));

        act.Should().Throw<XunitException>().WithMessage("*/env/0/name*");
    }

    [Fact]
    public void A_member_missing_on_one_side_is_named_escaped()
    {
        var act = () => JsonNode.Parse("""{"m":{"a/b~c":"1"}}""").ShouldDeepEqual(JsonNode.Parse("""{"m":{}}"""));

        act.Should().Throw<XunitException>().WithMessage("*/m/a~1b~0c (present on one side only)*");
    }

    [Fact]
    public void Numbers_and_strings_are_not_equal()
    {
        var act = () => JsonNode.Parse("""{"port":8080}""").ShouldDeepEqual(JsonNode.Parse("""{"port":"8080"}"""));

        act.Should().Throw<XunitException>();
    }
}
