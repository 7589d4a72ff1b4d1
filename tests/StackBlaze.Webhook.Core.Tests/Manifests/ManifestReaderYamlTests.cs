using System.Text.Json;
using System.Text.Json.Nodes;
using StackBlaze.Webhook.Core.Manifests;

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
            disabled: off
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
        ((bool)body["disabled"]!).Should().BeFalse();
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

    [Theory]
    [InlineData("0644", 420)]
    [InlineData("0o17", 15)]
    [InlineData("0x1F", 31)]
    [InlineData("-0x10", -16)]
    [InlineData("0b101", 5)]
    [InlineData("1_000", 1000)]
    [InlineData("+12", 12)]
    public void Integers_are_read_in_go_syntax_as_kubectl_reads_them(string scalar, long expected)
    {
        var body = Body($"apiVersion: v1\nkind: Thing\nmode: {scalar}\n");

        Kind(body["mode"]).Should().Be(JsonValueKind.Number);
        body["mode"]!.GetValue<long>().Should().Be(expected);
    }

    [Theory]
    [InlineData("!!str 8080", "8080")]
    [InlineData("!!str yes", "yes")]
    [InlineData("! 0644", "0644")]
    [InlineData("!custom 10", "10")]
    [InlineData("!!binary aGVsbG8=", "hello")]
    public void Tags_that_keep_the_text_make_strings(string scalar, string expected)
    {
        var body = Body($"apiVersion: v1\nkind: Thing\nport: {scalar}\n");

        body["port"]!.GetValue<string>().Should().Be(expected);
    }

    [Fact]
    public void Typed_tags_type_even_a_quoted_scalar()
    {
        var body = Body("apiVersion: v1\nkind: Thing\nport: !!int \"0x1F\"\nratio: !!float 1\nflag: !!bool 'on'\n");

        body["port"]!.GetValue<long>().Should().Be(31);
        body["ratio"]!.GetValue<double>().Should().Be(1.0);
        body["flag"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public void A_typed_tag_the_text_does_not_fit_is_invalid_yaml()
    {
        var act = () => ManifestReader.Parse("apiVersion: v1\nkind: Thing\nport: !!int http\n", "tag.yaml");

        act.Should().Throw<ManifestException>().WithMessage("tag.yaml:3:*: not valid YAML: \"http\" is not a int");
    }

    [Theory]
    [InlineData(".inf")]
    [InlineData("-.Inf")]
    [InlineData(".nan")]
    public void Infinity_and_not_a_number_are_refused_as_kubectl_refuses_them(string scalar)
    {
        var act = () => ManifestReader.Parse($"apiVersion: v1\nkind: Thing\nratio: {scalar}\n", "inf.yaml");

        act.Should().Throw<ManifestException>().WithMessage("inf.yaml:3:*: not valid YAML: *has no JSON form*");
    }

    [Fact]
    public void Numbers_past_what_json_holds_stay_the_text_they_were()
    {
        var body = Body("apiVersion: v1\nkind: Thing\nhuge: 1e400\nhexFloat: 0x1p3\n");

        body["huge"]!.GetValue<string>().Should().Be("1e400");
        body["hexFloat"]!.GetValue<string>().Should().Be("0x1p3");
    }

    [Fact]
    public void Keys_become_the_strings_kubectl_makes_of_them()
    {
        var body = Body("apiVersion: v1\nkind: Thing\ndata:\n  yes: a\n  off: b\n  0x1F: c\n  1e6: d\n  \"0x1F\": e\n");

        body["data"]!.AsObject().Select(p => p.Key).Should().Equal("true", "false", "31", "1e+06", "0x1F");
    }

    [Fact]
    public void Keys_that_become_the_same_string_are_duplicates()
    {
        var act = () => ManifestReader.Parse("apiVersion: v1\nkind: Thing\ndata:\n  yes: a\n  on: b\n", "dup.yaml");

        act.Should().Throw<ManifestException>().WithMessage("dup.yaml:5:*: not valid YAML: duplicate key \"true\"");
    }

    [Fact]
    public void A_null_key_is_invalid_yaml()
    {
        var act = () => ManifestReader.Parse("apiVersion: v1\nkind: Thing\ndata:\n  ~: a\n", "null.yaml");

        act.Should().Throw<ManifestException>().WithMessage("null.yaml:4:*: not valid YAML: a key cannot be null");
    }

    private static JsonObject Body(string yaml) => JsonObject.Create(ManifestReader.Parse(yaml, "t.yaml").Should().ContainSingle().Subject.Body)!;

    private static JsonValueKind Kind(JsonNode? node) => node!.GetValueKind();
}
