using System.Text.Json;

namespace StackBlaze.Webhook.Tests.Support;

/// <summary>The kubelet's environment, checked on the cases of Kubernetes' own expansion tests.</summary>
public sealed class KubeletEnvironmentTests
{
    private static readonly Dictionary<string, string> Defined = new()
    {
        ["VAR_A"] = "A",
        ["VAR_B"] = "B",
        ["VAR_REF"] = "$(VAR_A)",
        ["VAR_EMPTY"] = "",
    };

    private static readonly Dictionary<string, IReadOnlyDictionary<string, string>> Secrets = new()
    {
        ["db"] = new Dictionary<string, string> { ["password"] = "p@ss$(VAR_A)$$" },
    };

    [Theory]
    [InlineData("$(VAR_A)-$(VAR_B)", "A-B")]
    [InlineData("foo$(VAR_EMPTY)bar", "foobar")]
    [InlineData("$$(VAR_B)_$(VAR_A)", "$(VAR_B)_A")]
    [InlineData("f000-$$VAR_A", "f000-$VAR_A")]
    [InlineData("$(VAR_DNE)", "$(VAR_DNE)")]
    [InlineData("$(VAR_REF)", "$(VAR_A)")]
    [InlineData("$(VAR_A$(VAR_B))", "$(VAR_A$(VAR_B))")]
    [InlineData("$$$$$$(BIG_MONEY)", "$$$(BIG_MONEY)")]
    [InlineData("$$$$$$$(VAR_A)", "$$$A")]
    [InlineData("$?_boo_$!", "$?_boo_$!")]
    [InlineData("${VAR_A}", "${VAR_A}")]
    [InlineData("$(VAR_B)_______$(A", "B_______$(A")]
    [InlineData("--$($($($($--", "--$($($($($--")]
    [InlineData("$(VAR_A)foobarzab$", "Afoobarzab$")]
    [InlineData("$(foo$$var)", "$(foo$$var)")]
    public void Values_expand_as_Kubernetes_expands_them(string input, string expected) =>
        KubeletEnvironment.Expand(input, Defined).Should().Be(expected);

    [Fact]
    public void Variables_see_only_those_defined_before_them_and_secret_values_are_not_expanded()
    {
        var container = Container("""
            [
              {"name": "VAR_A", "value": "A"},
              {"name": "URL", "value": "$(VAR_A):$(PASSWORD)@$(LATER)"},
              {"name": "PASSWORD", "valueFrom": {"secretKeyRef": {"name": "db", "key": "password"}}},
              {"name": "LATER", "value": "$(PASSWORD)"},
              {"name": "GONE", "valueFrom": {"secretKeyRef": {"name": "db", "key": "user", "optional": true}}}
            ]
            """);

        KubeletEnvironment.Of(container, Secrets).Should().Equal(new Dictionary<string, string>
        {
            ["VAR_A"] = "A",
            ["URL"] = "A:$(PASSWORD)@$(LATER)",
            ["PASSWORD"] = "p@ss$(VAR_A)$$",
            ["LATER"] = "p@ss$(VAR_A)$$",
        });
    }

    [Fact]
    public void Missing_secret_key_stops_the_container()
    {
        var container = Container("""[{"name": "USER", "valueFrom": {"secretKeyRef": {"name": "db", "key": "username"}}}]""");

        var build = () => KubeletEnvironment.Of(container, Secrets);

        build.Should().Throw<InvalidOperationException>().WithMessage("USER: the container would not start: Secret db has no key username");
    }

    private static JsonElement Container(string env) =>
        JsonDocument.Parse($$"""{"name": "app", "env": {{env}}}""").RootElement;
}
