using System.Text.Json.Nodes;
using StackBlaze.Webhook.Core.Conventions;
using StackBlaze.Webhook.Tests.Support;
using static StackBlaze.Webhook.Tests.Bindings.BindingsSupport;
using static StackBlaze.Webhook.Tests.Support.Injections;

namespace StackBlaze.Webhook.Tests.Bindings;

/// <summary>
/// <c>stackblaze.io/service-bindings: "true"</c>: the files as annotations, one projected volume,
/// a read-only mount and <c>SERVICE_BINDING_ROOT</c> in every container in scope.
/// </summary>
public class BindingProjectionTests
{
    [Fact]
    public void A_pod_that_asks_for_bindings_gets_them_as_the_fixture_shows()
    {
        var (injection, pod) = Run(AskingPod());

        injection.IsDenied.Should().BeFalse(string.Join("; ", injection.Errors));
        injection.Warnings.Should().BeEmpty();
        pod.ShouldDeepEqual(Json.FixtureNode("Bindings/pod-asks-for-bindings.expected.json"));
    }

    [Fact]
    public void A_postgres_link_gives_the_files_a_service_binding_client_reads()
    {
        var (_, pod) = Run(AskingPod());

        FilesOf(pod, "postgres").Should().Equal(new Dictionary<string, string>
        {
            ["type"] = "postgresql",
            ["provider"] = "stackblaze",
            ["host"] = "postgres.internal",
            ["port"] = "5432",
            ["database"] = "mydb",
            ["uri"] = "postgresql://postgres.internal:5432/mydb",
        });
        FilesOf(pod, "backend").Keys.Should().Equal("type", "provider", "host", "port", "uri");
        FilesOf(pod, "backend")["type"].Should().Be("http");
    }

    [Fact]
    public void Each_service_has_a_volume_of_its_own_with_its_files_then_its_credentials_from_the_secret()
    {
        var (_, pod) = Run(AskingPod());

        var sources = VolumeOf(pod, "postgres")!["projected"]!["sources"]!.AsArray();
        sources.Should().HaveCount(2, "one downwardAPI source for the files, one secret source for the credentials");
        sources[0]!["downwardAPI"]!["items"]!.AsArray().Select(i => (string)i!["path"]!).Should().Equal("type", "provider", "host", "port", "database", "uri");
        sources[1]!.ToJsonString().Should().Be(
            """{"secret":{"name":"postgres-credentials","items":[{"key":"username","path":"username"},{"key":"password","path":"password"}]}}""");
        VolumeOf(pod, "backend")!["projected"]!["sources"]!.AsArray().Should().ContainSingle("backend has no credentials");
    }

    [Fact]
    public void Every_container_and_init_container_gets_each_binding_read_only_below_the_root_and_the_root()
    {
        var (_, pod) = Run(AskingPod());

        foreach (var (list, index) in new[] { ("initContainers", 0), ("containers", 0), ("containers", 1) })
        {
            BindingMountsOf(pod, list, index).Should().Equal([MountJson("backend"), MountJson("postgres")], $"{list}[{index}]");
            EnvValueOf(pod, list, index, "SERVICE_BINDING_ROOT").Should().Be("/bindings", $"{list}[{index}]");
        }
        AnnotationOf(pod, StackBlazeAnnotations.InjectedEnv).Should().EndWith(",SERVICE_BINDING_ROOT");
    }

    [Fact]
    public void An_ephemeral_container_is_never_given_the_mount()
    {
        var asking = AskingPod();
        asking["spec"]!["ephemeralContainers"] = new JsonArray(new JsonObject { ["name"] = "debugger", ["image"] = "busybox" });

        var (_, pod) = Run(asking);

        pod["spec"]!["ephemeralContainers"]![0]!.ToJsonString().Should().Be("""{"name":"debugger","image":"busybox"}""");
    }

    [Fact]
    public void Scope_gives_the_mount_and_root_only_to_the_named_containers()
    {
        var asking = AskingPod();
        Annotations(asking)[StackBlazeAnnotations.Containers] = "web";

        var (_, pod) = Run(asking);

        BindingMountsOf(pod, "containers", 0).Should().HaveCount(2);
        BindingMountsOf(pod, "containers", 1).Should().BeEmpty();
        BindingMountsOf(pod, "initContainers", 0).Should().BeEmpty();
        EnvValueOf(pod, "containers", 1, "SERVICE_BINDING_ROOT").Should().BeNull();
    }

    [Fact]
    public void A_container_that_sets_its_own_root_gets_the_volume_there_and_no_warning()
    {
        var asking = AskingPod();
        asking["spec"]!["containers"]![0]!["env"]!.AsArray().Add(new JsonObject { ["name"] = "SERVICE_BINDING_ROOT", ["value"] = "/etc/bindings" });

        var (injection, pod) = Run(asking);

        injection.Warnings.Should().BeEmpty();
        BindingMountsOf(pod, "containers", 0).Should().Equal(MountJson("backend", "/etc/bindings"), MountJson("postgres", "/etc/bindings"));
        EnvValueOf(pod, "containers", 0, "SERVICE_BINDING_ROOT").Should().Be("/etc/bindings");
        BindingMountsOf(pod, "containers", 1).Should().Equal(MountJson("backend"), MountJson("postgres"));
        Run(pod).Injection.Patch.Should().BeEmpty();
    }

    [Theory]
    [InlineData("""{"name":"SERVICE_BINDING_ROOT","valueFrom":{"configMapKeyRef":{"name":"paths","key":"root"}}}""", "from elsewhere than a value")]
    [InlineData("""{"name":"SERVICE_BINDING_ROOT","value":"$(HOME)/bindings"}""", "not a literal absolute path")]
    [InlineData("""{"name":"SERVICE_BINDING_ROOT","value":"bindings"}""", "not a literal absolute path")]
    public void A_root_the_webhook_cannot_know_before_the_container_runs_is_denied(string entry, string reason)
    {
        var asking = AskingPod();
        asking["spec"]!["containers"]![0]!["env"]!.AsArray().Add(JsonNode.Parse(entry));

        var (injection, _) = Run(asking);

        injection.IsDenied.Should().BeTrue();
        injection.DeniedAnnotation.Should().Be(StackBlazeAnnotations.ServiceBindings);
        injection.Errors.Should().ContainSingle().Which.Should().Contain("container \"web\" sets SERVICE_BINDING_ROOT").And.Contain(reason);
    }

    [Fact]
    public void Another_mount_where_a_binding_goes_is_denied_rather_than_left_for_the_api_server_to_refuse()
    {
        var asking = AskingPod();
        asking["spec"]!["containers"]![0]!["volumeMounts"]!.AsArray().Add(new JsonObject { ["name"] = "cache", ["mountPath"] = "/bindings/postgres" });

        var (injection, _) = Run(asking);

        injection.IsDenied.Should().BeTrue();
        injection.DeniedAnnotation.Should().Be(StackBlazeAnnotations.ServiceBindings);
        injection.Errors.Should().ContainSingle().Which.Should().StartWith("container \"web\" already mounts volume \"cache\" at /bindings/postgres");
    }

    [Fact]
    public void A_mount_of_its_own_at_the_root_is_left_with_the_bindings_below_it()
    {
        var asking = AskingPod();
        asking["spec"]!["containers"]![0]!["volumeMounts"]!.AsArray().Add(new JsonObject { ["name"] = "cache", ["mountPath"] = "/bindings" });

        var (injection, pod) = Run(asking);

        injection.IsDenied.Should().BeFalse();
        BindingMountsOf(pod, "containers", 0).Should().HaveCount(2);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("")]
    [InlineData("true, please")]
    public void A_value_other_than_true_or_false_is_denied_naming_the_annotation(string value)
    {
        var asking = AskingPod();
        Annotations(asking)[StackBlazeAnnotations.ServiceBindings] = value;

        var (injection, _) = Run(asking);

        injection.DeniedAnnotation.Should().Be(StackBlazeAnnotations.ServiceBindings);
        injection.Errors.Should().ContainSingle().Which.Should().StartWith($"\"{value}\" is neither \"true\" nor \"false\"");
    }

    [Theory]
    [InlineData(" TRUE ", true)]
    [InlineData("True", true)]
    [InlineData(" false", false)]
    [InlineData("FALSE", false)]
    public void True_and_false_are_read_whatever_their_case_and_white_space(string value, bool projected)
    {
        var asking = AskingPod();
        Annotations(asking)[StackBlazeAnnotations.ServiceBindings] = value;

        var (_, pod) = Run(asking);

        (VolumeOf(pod, "postgres") is not null).Should().Be(projected);
    }

    [Fact]
    public void A_pod_that_does_not_ask_gets_only_its_variables()
    {
        var asking = AskingPod();
        Annotations(asking).Remove(StackBlazeAnnotations.ServiceBindings);

        var (injection, pod) = Run(asking);

        injection.Patch.Should().NotContain(op => op.Path.Contains("volume", StringComparison.Ordinal) || op.Path.Contains("binding", StringComparison.Ordinal));
        EnvValueOf(pod, "containers", 0, "SERVICE_BINDING_ROOT").Should().BeNull();
    }

    [Fact]
    public void A_link_to_a_service_twice_gives_one_binding_from_the_first_links_port()
    {
        var catalog = Services.CatalogOf(Services.With("cache", Services.Port(6379, "redis"), Services.Port(9121, "metrics")));
        var asking = AskingPod();
        Annotations(asking)[StackBlazeAnnotations.Links] = "cache:redis, CACHE_METRICS_URL=cache:metrics";

        var (_, pod) = Run(asking, catalog);

        FilesOf(pod, "cache")["port"].Should().Be("6379");
        FilesOf(pod, "cache")["type"].Should().Be("redis");
        VolumeOf(pod, "cache")!["projected"]!["sources"]![0]!["downwardAPI"]!["items"]!.AsArray().Should().HaveCount(5);
        pod["spec"]!["volumes"]!.AsArray().Should().HaveCount(2, "the pod's cache and one binding volume");
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(10, true)]
    public void Mounts_of_many_bindings_in_many_containers_are_counted_before_any_operation_and_denied_past_the_limit(int containers, bool denied)
    {
        var services = Enumerable.Range(0, 40).Select(i => Services.Http($"{new string('s', 60)}{i:000}")).ToArray();
        var asking = AskingPod();
        Annotations(asking)[StackBlazeAnnotations.Links] = LongNamedServices.LinkingAll(services);
        asking["spec"]!["initContainers"] = null;
        asking["spec"]!["containers"] = new JsonArray([.. Enumerable.Range(0, containers).Select(i => (JsonNode)new JsonObject { ["name"] = $"c{i}" })]);

        var (injection, _) = Run(asking, Services.CatalogOf(services));

        injection.IsDenied.Should().Be(denied);
        if (denied)
        {
            injection.DeniedAnnotation.Should().Be(StackBlazeAnnotations.ServiceBindings);
            injection.Errors.Should().ContainSingle().Which.Should().MatchRegex(
                "^the bindings and their mounts in 10 containers add about \\d+ bytes to the pod; at most 131072 are added to one pod$");
            injection.Patch.Should().BeEmpty();
        }
    }
}
