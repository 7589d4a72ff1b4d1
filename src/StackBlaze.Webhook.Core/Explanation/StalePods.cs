using System.Text.Json;
using StackBlaze.Webhook.Core.Conventions;
using StackBlaze.Webhook.Core.Injection;
using StackBlaze.Webhook.Core.Limits;
using StackBlaze.Webhook.Core.Manifests;
using StackBlaze.Webhook.Core.Objects;

namespace StackBlaze.Webhook.Core.Explanation;

/// <summary>
/// Which running pods of an explained workload (or the explained pod itself) carry injected
/// variables other than those it would get now, or lack a link label: the webhook injects at
/// creation only, so a pod created before its links or a Service's port changed keeps the old
/// values, and the old labels, until it is replaced.
/// </summary>
public static class StalePods
{
    /// <summary>
    /// The stale ones among <paramref name="pods"/>. A pod's own variables are those its
    /// <c>stackblaze.io/injected-env</c> record names; values are compared as the webhook writes them,
    /// Secret references by Secret and key, and a value the pod has is quoted only when it holds no
    /// <c>@</c> (a URL's credentials), so no secret is ever printed.
    /// </summary>
    public static IReadOnlyList<StalePod> Find(ObjectExplanation now, IEnumerable<ManifestDocument> pods)
    {
        var expected = now.Containers
            .GroupBy(c => (c.List, c.Name))
            .ToDictionary(g => g.Key, g => g.First().Variables.ToDictionary(v => v.Name, v => new EnvValue(v.Value, v.SecretName, v.SecretKey), StringComparer.Ordinal));
        var stale = new List<StalePod>();
        foreach (var pod in pods)
        {
            if (ObjectShapeReader.ReadPod(pod.Body, out _) is not { } shape)
            {
                continue;
            }
            var record = InjectionRecord.Parse(shape.Metadata.Annotation(StackBlazeAnnotations.InjectedEnv));
            var differences = new List<StaleVariable>();
            Compare(shape.InitContainers, "initContainers", record, expected, differences);
            Compare(shape.Containers, "containers", record, expected, differences);
            var missingLabels = MissingLabels(pod.Body, now.Labels);
            if (differences.Count > 0 || missingLabels.Length > 0)
            {
                stale.Add(new StalePod(BoundedText.Quote(pod.Name), differences) { MissingLabels = missingLabels });
            }
        }
        return stale;
    }

    private static void Compare(
        IReadOnlyList<ContainerShape> containers,
        string list,
        InjectionRecord record,
        Dictionary<(string, string), Dictionary<string, EnvValue>> expected,
        List<StaleVariable> differences)
    {
        foreach (var container in containers)
        {
            var name = BoundedText.Quote(container.Name);
            var wanted = expected.GetValueOrDefault((list, name)) ?? [];
            var injected = Injected(container, record);
            foreach (var (variable, now) in wanted)
            {
                var had = injected.GetValueOrDefault(variable);
                if (had != now)
                {
                    differences.Add(new StaleVariable(name, variable, had?.Describe(hideCredentials: true), now.Describe(hideCredentials: false)));
                }
            }
            differences.AddRange(injected.Where(i => !wanted.ContainsKey(i.Key))
                .Select(i => new StaleVariable(name, i.Key, i.Value.Describe(hideCredentials: true), null)));
        }
    }

    /// <summary>The labels the pod lacks; one set to another value is its author's, as the webhook leaves it.</summary>
    private static string[] MissingLabels(JsonElement pod, IReadOnlyList<string> wanted) =>
        wanted.Count == 0 ? []
        : pod.TryGetProperty("metadata"u8, out var metadata) && metadata.ValueKind == JsonValueKind.Object
            && metadata.TryGetProperty("labels"u8, out var labels) && labels.ValueKind == JsonValueKind.Object
            ? [.. wanted.Where(key => !labels.TryGetProperty(key, out _))]
            : [.. wanted];

    /// <summary>The container's variables that the record says are the webhook's.</summary>
    private static Dictionary<string, EnvValue> Injected(ContainerShape container, InjectionRecord record)
    {
        var injected = new Dictionary<string, EnvValue>(StringComparer.Ordinal);
        if (container.Env is not { ValueKind: JsonValueKind.Array } env)
        {
            return injected;
        }
        foreach (var entry in env.EnumerateArray())
        {
            if (entry.ValueKind == JsonValueKind.Object && Text(entry, "name") is { } name && record.Contains(name))
            {
                injected[name] = entry.TryGetProperty("valueFrom", out var from) && from.ValueKind == JsonValueKind.Object
                    && from.TryGetProperty("secretKeyRef", out var secret) && secret.ValueKind == JsonValueKind.Object
                    ? new EnvValue(null, Text(secret, "name") ?? "", Text(secret, "key") ?? "")
                    : new EnvValue(Text(entry, "value") ?? "", null, null);
            }
        }
        return injected;
    }

    private static string? Text(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>An env entry as the webhook writes it: a value, or a Secret's key.</summary>
    private sealed record EnvValue(string? Value, string? SecretName, string? SecretKey)
    {
        // The webhook's own values hold credentials only as $(NAME) references; a pod's value with '@' may hold them itself.
        public string Describe(bool hideCredentials) =>
            SecretName is not null ? $"secretKeyRef {BoundedText.Quote(SecretName)}/{BoundedText.Quote(SecretKey ?? "")}"
            : hideCredentials && Value!.Contains('@', StringComparison.Ordinal) ? "(a value with '@', not shown: it may hold credentials)"
            : BoundedText.Quote(Value ?? "");
    }
}
