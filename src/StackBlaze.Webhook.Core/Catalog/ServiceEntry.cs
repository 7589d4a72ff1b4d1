using System.Collections.Immutable;
using System.Globalization;
using k8s.Models;
using StackBlaze.Webhook.Core.Conventions;

namespace StackBlaze.Webhook.Core.Catalog;

/// <summary>The lean projection of a Service that links are resolved against.</summary>
public sealed record ServiceEntry(
    string Namespace,
    string Name,
    ImmutableArray<ServicePortEntry> Ports,
    string? EnvName = null,
    string? CredentialsSecret = null,
    string? Database = null,
    string? PublicUrls = null,
    string? CredentialsKeys = null)
{
    /// <summary>
    /// More labels than any chart selects by (they use two to four): a tenant's selector of thousands
    /// would otherwise sit in every replica's memory, and twice in its NetworkPolicy.
    /// </summary>
    public const int MaxSelectorLabels = 32;

    /// <summary>
    /// The Service's pod selector, sorted by key; empty for a Service without one (no pods of its own)
    /// or with more than <see cref="MaxSelectorLabels"/> labels: such a Service gets no NetworkPolicy.
    /// </summary>
    public ImmutableArray<KeyValuePair<string, string>> Selector { get; init; } = [];

    /// <summary>The port a link or public URL means when it names none: the only one, else the one named http.</summary>
    public ServicePortEntry? DefaultPort => Ports.Length == 1 ? Ports[0] : Ports.FirstOrDefault(p => p.Name == "http");

    /// <summary>The port of that number or name.</summary>
    public ServicePortEntry? FindPort(string numberOrName) =>
        int.TryParse(numberOrName, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? Ports.FirstOrDefault(p => p.Port == number)
            : Ports.FirstOrDefault(p => p.Name == numberOrName);

    /// <summary>Projects a Service; <paramref name="defaultNamespace"/> stands in where the manifest names none.</summary>
    public static ServiceEntry FromService(V1Service service, string defaultNamespace)
    {
        var annotations = service.Metadata?.Annotations;
        var ports = service.Spec?.Ports?
            .Select(p => new ServicePortEntry(NullIfEmpty(p.Name), p.Port, NullIfEmpty(p.AppProtocol))
            {
                TargetPort = TargetPortOf(p),
                Protocol = p.Protocol is null or "TCP" ? null : p.Protocol,
            })
            .ToImmutableArray() ?? [];
        return new ServiceEntry(
            NullIfEmpty(service.Metadata?.NamespaceProperty) ?? defaultNamespace,
            service.Metadata?.Name ?? "",
            ports,
            Annotation(annotations, StackBlazeAnnotations.EnvName),
            Annotation(annotations, StackBlazeAnnotations.CredentialsSecret),
            Annotation(annotations, StackBlazeAnnotations.Database),
            Annotation(annotations, StackBlazeAnnotations.PublicUrl),
            Annotation(annotations, StackBlazeAnnotations.CredentialsKeys))
        {
            // An ExternalName Service's selector, left from another type, selects nothing: Kubernetes ignores it.
            Selector = service.Spec is { Type: not "ExternalName", Selector: { Count: > 0 and <= MaxSelectorLabels } selector }
                ? [.. selector.OrderBy(pair => pair.Key, StringComparer.Ordinal)]
                : [],
        };
    }

    // Null when it is the port itself, as the API server defaults it: most Services, and no string kept.
    private static string? TargetPortOf(V1ServicePort port) =>
        port.TargetPort?.Value is { Length: > 0 } target && target != port.Port.ToString(CultureInfo.InvariantCulture) ? target : null;

    private static string? Annotation(IDictionary<string, string>? annotations, string key) =>
        annotations is not null && annotations.TryGetValue(key, out var value) ? NullIfEmpty(value?.Trim()) : null;

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
