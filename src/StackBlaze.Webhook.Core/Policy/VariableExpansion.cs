using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace StackBlaze.Webhook.Core.Policy;

/// <summary>
/// The kubelet's <c>$(NAME)</c> expansion (k8s.io/kubernetes third_party/forked/golang/expansion):
/// a defined name is replaced by its value, <c>$$</c> becomes <c>$</c>, anything else stays as
/// written. Without it an exempt variable holding a public URL, expanded into another variable or
/// into args, would carry the URL past the check. One instance reads one pod, container after container.
/// </summary>
internal sealed class VariableExpansion
{
    /// <summary>Characters one expanded value may reach; beyond it only this much is checked.</summary>
    public const int MaxValueLength = 32 * 1024;

    /// <summary>
    /// Characters all expansions of one pod may make: values referring to values double at each
    /// step, so without a bound a small pod expands to gigabytes. Past it, values are checked as written.
    /// </summary>
    public const int MaxPodLength = 1024 * 1024;

    private readonly Dictionary<string, string> defined = new(StringComparer.Ordinal);
    private int spent;

    /// <summary>Whether the kubelet would change the value: only a reference is worth the work.</summary>
    public static bool HasReference(string value) => value.Contains("$(", StringComparison.Ordinal);

    /// <summary>The same test in the request's bytes; a value with an escape (<c>$\u0028</c>) is read as a string to be sure.</summary>
    public static bool HasReference(JsonElement value)
    {
        var raw = JsonMarshal.GetRawUtf8Value(value);
        return raw.IndexOf("$("u8) >= 0 || (raw.Contains((byte)'\\') && HasReference(value.GetString() ?? ""));
    }

    /// <summary>Forgets the names of the container before: each container expands from its own env.</summary>
    public void StartContainer() => defined.Clear();

    /// <summary>A variable as the kubelet defines it, its value already expanded; a later definition wins.</summary>
    public void Define(string name, string value) => defined[name] = value;

    /// <summary>The value expanded, or null when the pod's bound is spent.</summary>
    /// <param name="value">The value as written.</param>
    /// <param name="names">The names replaced, in order; empty when none was defined.</param>
    /// <param name="cut">Whether the value reached <see cref="MaxValueLength"/> and was cut there.</param>
    public string? Expand(string value, out List<string> names, out bool cut)
    {
        names = [];
        cut = false;
        if (spent >= MaxPodLength)
        {
            return null;
        }
        var text = new StringBuilder(value.Length);
        var checkpoint = 0;
        for (var cursor = 0; cursor < value.Length && !cut; cursor++)
        {
            if (value[cursor] != '$' || cursor + 1 == value.Length)
            {
                continue;
            }
            text.Append(value, checkpoint, cursor - checkpoint);
            var next = value[cursor + 1];
            var close = next == '(' ? value.IndexOf(')', cursor + 2) : -1;
            if (close >= 0)
            {
                var name = value[(cursor + 2)..close];
                if (defined.TryGetValue(name, out var replacement))
                {
                    names.Add(name);
                    text.Append(replacement);
                }
                else
                {
                    text.Append(value, cursor, close - cursor + 1);
                }
                cursor = close;
            }
            else
            {
                // "$$" is one "$"; "$(" never closed, or "$x", stays as written.
                text.Append(next == '$' ? "$" : value.AsSpan(cursor, 2));
                cursor++;
            }
            checkpoint = cursor + 1;
            cut = text.Length > MaxValueLength;
        }
        if (!cut)
        {
            text.Append(value, checkpoint, value.Length - checkpoint);
            cut = text.Length > MaxValueLength;
        }
        var expanded = BoundedPrefix(text);
        spent += expanded.Length;
        return expanded;
    }

    // Never half of a surrogate pair at the cut.
    private static string BoundedPrefix(StringBuilder text)
    {
        var length = Math.Min(text.Length, MaxValueLength);
        if (length < text.Length && char.IsHighSurrogate(text[length - 1]))
        {
            length--;
        }
        return text.ToString(0, length);
    }
}
