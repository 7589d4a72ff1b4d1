using System.Text;
using System.Text.Json;

namespace StackBlaze.Webhook.Tests.Support;

/// <summary>
/// The environment the kubelet gives a container's process: its <c>env</c> in order, each <c>value</c>
/// expanded with Kubernetes' <c>$(VAR)</c> rules against the variables defined before it, each
/// <c>secretKeyRef</c> read from the test's Secrets. Service links' variables are left out (as with
/// <c>enableServiceLinks: false</c>); what the webhook does not write is refused rather than guessed.
/// </summary>
internal static class KubeletEnvironment
{
    /// <summary>
    /// The variables of <paramref name="container"/> (a pod's container as JSON), in the order first
    /// defined; <paramref name="secrets"/> maps a Secret's name to its keys and values.
    /// </summary>
    /// <exception cref="InvalidOperationException">A Secret or key is missing and not optional: the kubelet would not start the container.</exception>
    public static IReadOnlyDictionary<string, string> Of(
        JsonElement container, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> secrets)
    {
        if (container.TryGetProperty("envFrom", out _))
        {
            throw new NotSupportedException("envFrom is not modelled here");
        }
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!container.TryGetProperty("env", out var variables))
        {
            return environment;
        }
        foreach (var variable in variables.EnumerateArray())
        {
            var name = variable.GetProperty("name").GetString()!;
            if (!variable.TryGetProperty("valueFrom", out var valueFrom))
            {
                var value = variable.TryGetProperty("value", out var literal) ? literal.GetString()! : "";
                environment[name] = Expand(value, environment);
            }
            else if (SecretValue(name, valueFrom, secrets) is { } secretValue)
            {
                // Values from a source are taken as they are: only `value` is expanded.
                environment[name] = secretValue;
            }
        }
        return environment;
    }

    /// <summary>
    /// <paramref name="input"/> with each <c>$(NAME)</c> replaced by <paramref name="defined"/>'s value,
    /// an undefined one kept as written, <c>$$</c> made <c>$</c> and any other <c>$</c> kept, as
    /// k8s.io/kubernetes third_party/forked/golang/expansion does it.
    /// </summary>
    public static string Expand(string input, IReadOnlyDictionary<string, string> defined)
    {
        var output = new StringBuilder(input.Length);
        var cursor = 0;
        while (cursor < input.Length)
        {
            if (input[cursor] != '$' || cursor + 1 == input.Length)
            {
                output.Append(input[cursor++]);
            }
            else if (input[cursor + 1] == '$')
            {
                output.Append('$');
                cursor += 2;
            }
            else if (input[cursor + 1] == '(' && input.IndexOf(')', cursor + 2) is var closer and >= 0)
            {
                var name = input[(cursor + 2)..closer];
                output.Append(defined.TryGetValue(name, out var value) ? value : $"$({name})");
                cursor = closer + 1;
            }
            else
            {
                // `$(` without a closer, or `$` before anything else: both characters stay.
                output.Append('$').Append(input[cursor + 1]);
                cursor += 2;
            }
        }
        return output.ToString();
    }

    // Null when an optional Secret or key is missing: the kubelet then leaves the variable out.
    private static string? SecretValue(
        string name, JsonElement valueFrom, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> secrets)
    {
        if (!valueFrom.TryGetProperty("secretKeyRef", out var reference))
        {
            throw new NotSupportedException($"{name}: only secretKeyRef is modelled here, not {valueFrom.GetRawText()}");
        }
        var secretName = reference.GetProperty("name").GetString()!;
        var key = reference.GetProperty("key").GetString()!;
        var optional = reference.TryGetProperty("optional", out var flag) && flag.GetBoolean();
        if (secrets.TryGetValue(secretName, out var data) && data.TryGetValue(key, out var value))
        {
            return value;
        }
        return optional
            ? null
            : throw new InvalidOperationException($"{name}: the container would not start: Secret {secretName} has no key {key}");
    }
}
