using k8s.Models;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Deploy;

/// <summary>The objects one kustomization renders, parsed strictly into KubernetesClient's types.</summary>
public sealed class RenderedManifests(string name, IReadOnlyList<object> objects)
{
    public string Name { get; } = name;

    public IReadOnlyList<object> Objects { get; } = objects;

    public IEnumerable<T> All<T>() => Objects.OfType<T>();

    public T One<T>() => Objects.OfType<T>().Should().ContainSingle($"{Name} renders one {typeof(T).Name}").Subject;

    public V1Deployment Deployment => One<V1Deployment>();

    public V1Container Container => Deployment.Spec.Template.Spec.Containers.Should().ContainSingle().Subject;

    public V1MutatingWebhook MutatingWebhook => One<V1MutatingWebhookConfiguration>().Webhooks.Should().ContainSingle().Subject;

    public V1ValidatingWebhook ValidatingWebhook => One<V1ValidatingWebhookConfiguration>().Webhooks.Should().ContainSingle().Subject;

    /// <summary>The resources a rule grants verbs on, as "group/resource".</summary>
    public static IEnumerable<string> GrantedResources(V1PolicyRule rule) =>
        rule.ApiGroups.SelectMany(group => rule.Resources.Select(resource => $"{group}/{resource}"));

    /// <summary>Parses rendered YAML; a field that is not in the type, or a kind we do not know, is an error.</summary>
    public static RenderedManifests Parse(string name, string yaml) =>
        new(name, TypedManifests.Load(yaml, $"kubectl kustomize {name}"));

    public override string ToString() => Name;
}
