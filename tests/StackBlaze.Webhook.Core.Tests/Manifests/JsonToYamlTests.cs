using System.Text.Json.Nodes;
using StackBlaze.Webhook.Core.Manifests;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Manifests;

/// <summary>How <c>inject</c> writes an object it changed: as the JSON says, in YAML a person reads.</summary>
public class JsonToYamlTests
{
    [Fact]
    public void Keys_keep_the_order_they_have_in_the_json()
    {
        var yaml = JsonToYaml.Write(JsonNode.Parse("""{"kind":"Pod","apiVersion":"v1","zeta":1,"alpha":2}"""));

        yaml.Should().Be("kind: Pod\napiVersion: v1\nzeta: 1\nalpha: 2\n");
    }

    [Fact]
    public void Nested_objects_and_arrays_are_blocks_and_empty_ones_are_written_inline()
    {
        var yaml = JsonToYaml.Write(JsonNode.Parse("""
            {"metadata":{"name":"web","labels":{}},"spec":{"containers":[{"name":"app","args":[]},{"name":"sidecar"}],"volumes":[["a"]]}}
            """));

        yaml.Should().Be("""
            metadata:
              name: web
              labels: {}
            spec:
              containers:
                - name: app
                  args: []
                - name: sidecar
              volumes:
                - - a

            """);
    }

    [Fact]
    public void Numbers_booleans_and_null_are_written_plain_as_in_the_json()
    {
        var yaml = JsonToYaml.Write(JsonNode.Parse("""{"replicas":2,"ratio":1.50,"tiny":1E-7,"ready":true,"paused":false,"owner":null}"""));

        yaml.Should().Be("replicas: 2\nratio: 1.50\ntiny: 1E-7\nready: true\npaused: false\nowner: null\n");
    }

    [Theory]
    [InlineData("on")]
    [InlineData("NO")]
    [InlineData("y")]
    [InlineData("Off")]
    [InlineData("~")]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("NULL")]
    [InlineData("0755")]
    [InlineData("0x1F")]
    [InlineData("0o17")]
    [InlineData("0b101")]
    [InlineData("1_000")]
    [InlineData("1e3")]
    [InlineData("+1")]
    [InlineData("+_0")]
    [InlineData("-_1_0")]
    [InlineData(".5")]
    [InlineData(".inf")]
    [InlineData("-.Inf")]
    [InlineData(".NaN")]
    [InlineData("-Infinity")]
    [InlineData("1:30")]
    [InlineData("2024-01-01")]
    [InlineData("2001-12-14t21:59:43.10-05:00")]
    [InlineData("<<")]
    [InlineData("=")]
    public void Strings_a_yaml_reader_would_take_for_another_type_are_double_quoted(string text)
    {
        JsonToYaml.Write(new JsonObject { ["value"] = text }).Should().Be($"value: \"{text}\"\n");
    }

    [Fact]
    public void Keys_are_quoted_by_the_same_rule_since_kubernetes_reads_yes_as_true_there_too()
    {
        JsonToYaml.Write(new JsonObject { ["yes"] = "no", ["8080"] = "http", ["app"] = "web" })
            .Should().Be("\"yes\": \"no\"\n\"8080\": http\napp: web\n");
    }

    [Theory]
    [InlineData("web")]
    [InlineData("nginx:1.25")]
    [InlineData("redis-cart.internal:6379")]
    [InlineData("REDIS_ADDR=redis-cart")]
    [InlineData("postgresql://$(DATABASE_USER):$(DATABASE_PASSWORD)@postgres.internal:5432/mydb")]
    [InlineData("v1.2.3")]
    [InlineData("infra")]
    [InlineData("yesterday")]
    [InlineData("héllo wörld")]
    public void Ordinary_strings_are_plain(string text)
    {
        JsonToYaml.Write(new JsonObject { ["value"] = text }).Should().Be($"value: {text}\n");
    }

    [Theory]
    [InlineData("a: b")]
    [InlineData("- x")]
    [InlineData("#x")]
    [InlineData("x #y")]
    [InlineData("'quoted'")]
    [InlineData("\"quoted\"")]
    [InlineData("{not: json}")]
    [InlineData(" leading space")]
    [InlineData("trailing tab\t")]
    [InlineData("--- a")]
    public void Strings_plain_yaml_cannot_hold_are_quoted_and_read_back_the_same(string text)
    {
        var yaml = JsonToYaml.Write(new JsonObject { ["value"] = text });

        yaml.Should().MatchRegex("^value: [\"']");
        ReadBack(yaml)["value"]!.GetValue<string>().Should().Be(text);
    }

    [Theory]
    [InlineData("line one\nline two\n", "value: |\n  line one\n  line two\nnext: 1\n")]
    [InlineData("line one\nline two", "value: |-\n  line one\n  line two\nnext: 1\n")]
    [InlineData("line one\n\n", "value: |+\n  line one\n\nnext: 1\n")]
    [InlineData("[server]\n  port = 80\n# not a comment\n", "value: |\n  [server]\n    port = 80\n  # not a comment\nnext: 1\n")]
    public void Multi_line_strings_are_literal_blocks(string text, string expected)
    {
        var value = new JsonObject { ["value"] = text, ["next"] = 1 };

        var yaml = JsonToYaml.Write(value);

        yaml.Should().Be(expected);
        ReadBack(yaml).ShouldDeepEqual(value);
    }

    [Theory]
    [InlineData("a\r\nb")]
    [InlineData(" indented\nfirst line")]
    [InlineData("\nleading break")]
    [InlineData("trailing space \nb")]
    [InlineData("tab\there\nb")]
    [InlineData("line\u2028separator\nb")]
    public void Multi_line_strings_a_literal_block_would_change_are_double_quoted(string text)
    {
        var yaml = JsonToYaml.Write(new JsonObject { ["value"] = text });

        yaml.Should().StartWith("value: \"").And.EndWith("\"\n");
        ReadBack(yaml)["value"]!.GetValue<string>().Should().Be(text);
    }

    /// <summary>The YAML as <c>inject</c>'s readers see it: inside a manifest, read back as JSON.</summary>
    private static JsonObject ReadBack(string yaml)
    {
        var body = JsonObject.Create(ManifestReader.Parse("apiVersion: v1\nkind: Thing\n" + yaml, "written.yaml").Should().ContainSingle().Subject.Body)!;
        body.Remove("apiVersion");
        body.Remove("kind");
        return body;
    }
}
