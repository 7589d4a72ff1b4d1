using System.Text.Json.Nodes;
using StackBlaze.Webhook.Core.Conventions;
using StackBlaze.Webhook.Tests.Support;
using static StackBlaze.Webhook.Tests.Bindings.BindingsSupport;
using static StackBlaze.Webhook.Tests.Support.Injections;

namespace StackBlaze.Webhook.Tests.Bindings;

/// <summary>
/// Every pass ends with the bindings the links give now: none more on a second pass, refreshed
/// when a Service changes, and taken back, all of them, when the pod stops asking.
/// </summary>
public class BindingLifecycleTests
{
    private static readonly string[] Ours = ["stackblaze-binding", "bindings.stackblaze.io", "SERVICE_BINDING_ROOT"];

    [Fact]
    public void A_second_pass_over_the_patched_pod_gives_no_patch()
    {
        var (_, pod) = Run(AskingPod());

        var (again, _) = Run(pod);

        again.Patch.Should().BeEmpty();
        again.Warnings.Should().BeEmpty();
    }

    [Fact]
    public void A_changed_port_database_and_credentials_keys_bring_files_and_volume_in_line()
    {
        var (_, pod) = Run(AskingPod());
        var changed = Services.CatalogOf(
            Services.Backend,
            Services.Postgres with { Ports = Services.Ports(Services.Port(6432, "postgres")), Database = "/orders", CredentialsKeys = "username=user" });

        var (refresh, refreshed) = Run(pod, changed);

        refresh.Patch.Should().NotBeEmpty();
        FilesOf(refreshed, "postgres")["port"].Should().Be("6432");
        FilesOf(refreshed, "postgres")["database"].Should().Be("orders");
        FilesOf(refreshed, "postgres")["uri"].Should().Be("postgresql://postgres.internal:6432/orders");
        VolumeOf(refreshed, "postgres")!["projected"]!["sources"]![1]!["secret"]!["items"]![0]!.ToJsonString().Should().Be("""{"key":"user","path":"username"}""");
        Run(refreshed, changed).Injection.Patch.Should().BeEmpty();
    }

    [Fact]
    public void A_service_that_loses_its_database_loses_the_file()
    {
        var (_, pod) = Run(AskingPod());
        var changed = Services.CatalogOf(Services.Backend, Services.Postgres with { Database = null });

        var (_, refreshed) = Run(pod, changed);

        FilesOf(refreshed, "postgres").Keys.Should().Equal("type", "provider", "host", "port", "uri");
        VolumeOf(refreshed, "postgres")!["projected"]!["sources"]![0]!["downwardAPI"]!["items"]!.AsArray()
            .Select(i => (string)i!["path"]!).Should().NotContain("database");
    }

    [Theory]
    [InlineData("false")]
    [InlineData(null)]
    public void A_pod_that_stops_asking_has_everything_the_webhook_added_taken_back(string? value)
    {
        var original = AskingPod();
        var (_, pod) = Run(original);
        SetBindings(pod, value);
        SetBindings(original, value);

        var (removal, removed) = Run(pod);

        removal.IsDenied.Should().BeFalse();
        removed.ToJsonString().Should().NotContainAny(Ours);
        var (_, expected) = Run(original);
        removed.ShouldDeepEqual(expected);
    }

    [Fact]
    public void A_pod_without_links_any_more_has_its_bindings_taken_back()
    {
        var (_, pod) = Run(AskingPod());
        Annotations(pod).Remove(StackBlazeAnnotations.Links);

        var (_, removed) = Run(pod);

        removed.ToJsonString().Should().NotContainAny(Ours);
        ((string?)removed["spec"]!["containers"]![0]!["volumeMounts"]![0]!["name"]).Should().Be("cache");
        removed["spec"]!["volumes"]!.AsArray().Should().ContainSingle();
    }

    [Fact]
    public void A_pod_from_injects_output_without_a_record_still_has_its_bindings_taken_back()
    {
        var (_, pod) = Run(AskingPod());
        Annotations(pod).Remove(StackBlazeAnnotations.Links);
        Annotations(pod).Remove(StackBlazeAnnotations.ServiceBindings);
        Annotations(pod).Remove(StackBlazeAnnotations.InjectedEnv);

        var (_, removed) = Run(pod);

        removed.ToJsonString().Should().NotContain("stackblaze-binding").And.NotContain("bindings.stackblaze.io");
    }

    [Fact]
    public void A_container_scoped_out_later_has_its_mount_and_root_taken_back()
    {
        var (_, pod) = Run(AskingPod());
        Annotations(pod)[StackBlazeAnnotations.Containers] = "web";

        var (_, scoped) = Run(pod);

        BindingMountsOf(scoped, "containers", 0).Should().HaveCount(2);
        BindingMountsOf(scoped, "containers", 1).Should().BeEmpty();
        BindingMountsOf(scoped, "initContainers", 0).Should().BeEmpty();
        Run(scoped).Injection.Patch.Should().BeEmpty();
    }

    [Fact]
    public void A_tenants_own_volume_of_a_reserved_name_is_taken_as_the_webhooks()
    {
        var asking = AskingPod();
        asking["spec"]!["volumes"]!.AsArray().Add(new JsonObject { ["name"] = "stackblaze-binding-postgres", ["emptyDir"] = new JsonObject() });
        asking["spec"]!["volumes"]!.AsArray().Add(new JsonObject { ["name"] = "stackblaze-binding-gone", ["emptyDir"] = new JsonObject() });

        var (_, pod) = Run(asking);

        pod["spec"]!["volumes"]!.AsArray().Select(v => (string)v!["name"]!).Should().Equal("cache", "stackblaze-binding-postgres", "stackblaze-binding-backend");
        VolumeOf(pod, "postgres")!["projected"].Should().NotBeNull();
    }

    [Fact]
    public void A_mount_of_a_binding_moved_by_hand_is_put_back_and_a_second_one_removed()
    {
        var (_, pod) = Run(AskingPod());
        var mounts = pod["spec"]!["containers"]![1]!["volumeMounts"]!.AsArray();
        mounts[1]!["mountPath"] = "/elsewhere";
        mounts[1]!["readOnly"] = false;
        mounts.Add(mounts[0]!.DeepClone());

        var (refresh, refreshed) = Run(pod);

        refresh.Patch.Select(op => op.Op).Should().Equal("replace", "remove");
        BindingMountsOf(refreshed, "containers", 1).Should().Equal(MountJson("backend"), MountJson("postgres"));
    }

    private static void SetBindings(JsonObject pod, string? value)
    {
        if (value is null)
        {
            Annotations(pod).Remove(StackBlazeAnnotations.ServiceBindings);
        }
        else
        {
            Annotations(pod)[StackBlazeAnnotations.ServiceBindings] = value;
        }
    }
}
