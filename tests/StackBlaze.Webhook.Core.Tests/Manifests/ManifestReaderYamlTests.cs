using System.Text.Json;
using System.Text.Json.Nodes;
using StackBlaze.Webhook.Manifests;

namespace StackBlaze.Webhook.Tests.Manifests;

public class ManifestReaderYamlTests
{
    [Fact]
    public void Plain_scalars_are_typed_and_quoted_ones_stay_strings()
    {
        var body = Body("""
            apiVersion: v1
            kind: Thing
            replicas: 2
            quoted: "2"
            single: 'true'
            enabled: true
            off: false
            ratio: 1.5
            nothing: ~
            empty:
            word: maybe
            """);

        Kind(body["replicas"]).Should().Be(JsonValueKind.Number);
        ((long)body["replicas"]!).Should().Be(2);
        ((string?)body["quoted"]).Should().Be("2");
        ((string?)body["single"]).Should().Be("true");
        ((bool)body["enabled"]!).Should().BeTrue();
        ((bool)body["off"]!).Should().BeFalse();
        ((double)body["ratio"]!).Should().Be(1.5);
        body["nothing"].Should().BeNull();
        body.ContainsKey("nothing").Should().BeTrue();
        body["empty"].Should().BeNull();
        ((string?)body["word"]).Should().Be("maybe");
    }

    [Fact]
    public void Keys_are_strings_even_when_they_look_like_numbers()
    {
        var body = Body("apiVersion: v1\nkind: Thing\ndata:\n  1: one\n  true: yes\n");

        body["data"]!.AsObject().Select(p => p.Key).Should().Equal("1", "true");
    }

    [Fact]
    public void Anchors_aliases_and_merge_keys_are_resolved()
    {
        var body = Body("""
            apiVersion: v1
            kind: Thing
            base: &labels
              app: web
              tier: front
            copy: *labels
            merged:
              <<: *labels
              zone: eu
            """);

        body["copy"]!.ToJsonString().Should().Be("""{"app":"web","tier":"front"}""");
        body["merged"]!.AsObject().OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value}").Should().Equal("app=web", "tier=front", "zone=eu");
    }

    [Fact]
    public void Keys_of_the_mapping_itself_override_merged_ones()
    {
        var body = Body("""
            apiVersion: v1
            kind: Thing
            base: &labels
              app: web
              tier: front
            merged:
              tier: back
              <<: *labels
            """);

        body["merged"]!["tier"]!.GetValue<string>().Should().Be("back");
        body["merged"]!["app"]!.GetValue<string>().Should().Be("web");
    }

    [Theory]
    [InlineData("yes", true)]
    [InlineData("On", true)]
    [InlineData("y", true)]
    [InlineData("no", false)]
    [InlineData("OFF", false)]
    public void Yaml_1_1_booleans_are_booleans_as_kubectl_reads_them(string scalar, bool expected)
    {
        var body = Body($"apiVersion: v1\nkind: Thing\nflag: {scalar}\nquoted: \"{scalar}\"\n");

        body["flag"]!.GetValue<bool>().Should().Be(expected);
        body["quoted"]!.GetValue<string>().Should().Be(scalar);
    }

    [Fact]
    public void Alias_to_an_unknown_anchor_is_invalid_yaml()
    {
        var act = () => ManifestReader.Parse("apiVersion: v1\nkind: Thing\ncopy: *missing\n", "alias.yaml");

        act.Should().Throw<ManifestException>().WithMessage("alias.yaml:3:*: not valid YAML: *");
    }

    [Fact]
    public void Duplicate_keys_are_rejected_with_file_and_line()
    {
        var act = () => ManifestReader.Parse("apiVersion: v1\nkind: Thing\nkind: Other\n", "dup.yaml");

        act.Should().Throw<ManifestException>().WithMessage("dup.yaml:3:*: not valid YAML: duplicate key \"kind\"");
    }

    [Fact]
    public void Invalid_yaml_is_reported_with_file_and_line()
    {
        var act = () => ManifestReader.Parse("apiVersion: v1\nkind: Thing\nspec: [unclosed\n", "bad.yaml");

        act.Should().Throw<ManifestException>().Which.Message.Should().MatchRegex(@"^bad\.yaml:\d+:\d+: not valid YAML: .+");
    }

    [Fact]
    public void Invalid_yaml_on_a_later_line_names_that_line()
    {
        var act = () => ManifestReader.Parse("apiVersion: v1\nkind: Thing\nmetadata:\n  name: a\n   bad: indent\n", "bad.yaml");

        act.Should().Throw<ManifestException>().Which.Message.Should().StartWith("bad.yaml:5:");
    }

    private static JsonObject Body(string yaml) => ManifestReader.Parse(yaml, "t.yaml").Should().ContainSingle().Subject.Body;

    private static JsonValueKind Kind(JsonNode? node) => node!.GetValueKind();
}
