using StackBlaze.Webhook.Core.Manifests;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Manifests;

/// <summary>Lists read as kubectl reads them: each item an object of its own, checked and injected one by one.</summary>
public class ManifestReaderListTests
{
    [Fact]
    public void Items_of_a_list_are_objects_of_their_own_that_know_their_list()
    {
        var documents = ManifestReader.ReadAll([Json.FixturePath("manifests/yaml/list.yaml")], TextReader.Null);

        documents.Select(d => $"{d.Kind}/{d.Name}").Should().Equal("Service/redis", "Deployment/worker");
        documents.Should().AllSatisfy(d => d.List.Should().NotBeNull().And.BeSameAs(documents[0].List));
        documents[1].Location.Should().EndWith("list.yaml:2: Deployment/worker");
    }

    [Fact]
    public void Any_kind_with_items_is_a_list_as_kubectl_reads_it()
    {
        var documents = ManifestReader.Parse(
            "apiVersion: v1\nkind: ConfigMapList\nitems:\n  - {apiVersion: v1, kind: ConfigMap, metadata: {name: a}}\n", "list.yaml");

        documents.Should().ContainSingle().Which.Name.Should().Be("a");
    }

    [Fact]
    public void An_item_that_is_not_a_kubernetes_object_is_rejected_with_its_place()
    {
        var act = () => ManifestReader.Parse("apiVersion: v1\nkind: List\nitems:\n  - just text\n", "list.yaml");

        act.Should().Throw<ManifestException>().WithMessage("list.yaml:1: item 0: not a Kubernetes object*");
    }

    [Fact]
    public void A_list_inside_a_list_is_refused_as_kubectl_refuses_it()
    {
        var act = () => ManifestReader.Parse("apiVersion: v1\nkind: List\nitems:\n  - {apiVersion: v1, kind: List, items: []}\n", "list.yaml");

        act.Should().Throw<ManifestException>().WithMessage("list.yaml:1: item 0: a list inside a list is not read*");
    }

    [Fact]
    public void Items_that_are_not_a_sequence_are_rejected()
    {
        var act = () => ManifestReader.Parse("apiVersion: v1\nkind: List\nitems: {a: b}\n", "list.yaml");

        act.Should().Throw<ManifestException>().WithMessage("list.yaml:1: the items of a List must be a sequence");
    }
}
