using StackBlaze.Webhook.Core.Policy;
using StackBlaze.Webhook.Tests.Support;
using static StackBlaze.Webhook.Tests.Support.PublicShop;

namespace StackBlaze.Webhook.Tests.Policy;

/// <summary>$(NAME) as the kubelet expands it (k8s.io/kubernetes third_party/forked/golang/expansion).</summary>
public class ContainerConfigReaderExpansionTests
{
    private static List<ConfigValue> Read(string pod, List<string>? notChecked = null) =>
        [.. ContainerConfigReader.Read(Pods.Read(Json.Parse(pod)), Services.Namespace, Project(), notChecked is null ? null : notChecked.Add)];

    [Fact]
    public void Only_earlier_entries_of_the_same_container_are_expanded_and_undefined_references_stay_as_written()
    {
        var values = Read("""
            {"spec":{"containers":[
              {"name":"app","env":[
                {"name":"A","value":"$(HOST).example.com"},
                {"name":"HOST","value":"api"},
                {"name":"B","value":"$(HOST).example.com"}]},
              {"name":"other","env":[{"name":"C","value":"$(HOST).example.com"}]}]}}
            """);

        values.Should().Equal(
            new ConfigValue("app", "A", "A", "$(HOST).example.com"),
            new ConfigValue("app", "B (with $(HOST) expanded)", "B", "api.example.com"),
            new ConfigValue("other", "C", "C", "$(HOST).example.com"));
    }

    [Fact]
    public void Double_dollar_escapes_a_reference_and_expanded_values_expand_again_in_later_ones()
    {
        var values = Read("""
            {"spec":{"containers":[{"name":"app","env":[
              {"name":"HOST","value":"api"},
              {"name":"ORIGIN","value":"https://$(HOST).shop.example.com"},
              {"name":"URL","value":"$(ORIGIN)/v1?x=$$(HOST)"}],
              "command":["$(ORIGIN)$(MISSING"]}]}}
            """);

        values.Should().Equal(
            new ConfigValue("app", "ORIGIN (with $(HOST) expanded)", "ORIGIN", "https://api.shop.example.com"),
            new ConfigValue("app", "URL (with $(ORIGIN) expanded)", "URL", "https://api.shop.example.com/v1?x=$(HOST)"),
            new ConfigValue("app", "command[0] (with $(ORIGIN) expanded)", null, "https://api.shop.example.com$(MISSING"));
    }

    [Fact]
    public void Args_expand_from_every_env_entry_and_from_values_taken_from_annotations()
    {
        var values = Read("""
            {"metadata":{"labels":{"tier":"api"}},
             "spec":{"containers":[{"name":"app",
              "args":["--upstream=https://$(TIER).$(DOMAIN)/v1"],
              "env":[
                {"name":"TIER","valueFrom":{"fieldRef":{"fieldPath":"metadata.labels['tier']"}}},
                {"name":"DOMAIN","value":"shop.example.com"}]}]}}
            """);

        values.Should().Equal(
            new ConfigValue("app", "DOMAIN", "DOMAIN", "shop.example.com"),
            new ConfigValue("app", "args[0] (with $(TIER), $(DOMAIN) expanded)", null, "--upstream=https://api.shop.example.com/v1"));
    }

    [Fact]
    public void Reference_written_with_json_escapes_is_expanded_too()
    {
        var values = Read("""
            {"spec":{"containers":[{"name":"app","env":[
              {"name":"API_ORIGIN","value":"https://api.shop.example.com"},
              {"name":"ORDERS","value":"\u0024\u0028API_ORIGIN)"}]}]}}
            """);

        values.Should().Equal(
            new ConfigValue("app", "API_ORIGIN", "API_ORIGIN", "https://api.shop.example.com"),
            new ConfigValue("app", "ORDERS (with $(API_ORIGIN) expanded)", "ORDERS", "https://api.shop.example.com"));
    }

    [Theory]
    [InlineData("metadata.annotations[\"upstream\"]")]
    [InlineData("metadata.annotations['missing']")]
    [InlineData("metadata.annotations")]
    [InlineData("metadata.annotations['upstream'")]
    public void Field_paths_the_api_server_refuses_or_that_name_no_annotation_give_no_value(string path)
    {
        var values = Read("""
            {"metadata":{"annotations":{"upstream":"https://api.shop.example.com"}},
             "spec":{"containers":[{"name":"app","env":[
               {"name":"ORDERS_API","valueFrom":{"fieldRef":{"fieldPath":
            """ + System.Text.Json.JsonSerializer.Serialize(path) + "}}}]}]}}");

        values.Should().BeEmpty();
    }

    [Fact]
    public void Value_that_expands_past_its_bound_is_checked_in_part_and_said_so()
    {
        var big = new string('a', VariableExpansion.MaxValueLength / 2);
        var notChecked = new List<string>();

        var values = Read($$$"""
            {"spec":{"containers":[{"name":"app","env":[
              {"name":"BIG","value":"{{{big}}}"},
              {"name":"URL","value":"$(BIG)$(BIG)$(BIG)https://api.shop.example.com"}]}]}}
            """, notChecked);

        // The URL lies past the cut: what was checked has no dot, so no value, and the warning says so.
        values.Should().BeEmpty();
        notChecked.Should().Equal("URL expands past 32 KiB; only its first 32 KiB were checked");
    }

    [Fact]
    public void References_past_the_pods_bound_are_checked_as_written_and_said_so()
    {
        var big = new string('a', VariableExpansion.MaxValueLength);
        var env = string.Join(",", Enumerable.Range(0, VariableExpansion.MaxPodLength / VariableExpansion.MaxValueLength + 1)
            .Select(i => $$"""{"name":"V{{i}}","value":"$(BIG)"}"""));
        var notChecked = new List<string>();

        var values = Read($$$"""
            {"spec":{"containers":[{"name":"app","env":[{"name":"BIG","value":"{{{big}}}"},{{{env}}},
              {"name":"URL","value":"https://$(BIG).shop.example.com"}]}]}}
            """, notChecked);

        values.Should().ContainSingle().Which.Should().Be(new ConfigValue("app", "URL", "URL", "https://$(BIG).shop.example.com"));
        notChecked.Should().ContainSingle().Which.Should().StartWith("$(NAME) references past the first 1024 KiB");
    }
}
