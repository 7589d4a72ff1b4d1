using System.Text;
using System.Text.Json;

namespace StackBlaze.Webhook.Core.Objects;

/// <summary>A container as injection sees it.</summary>
/// <param name="Name">The container's name, for messages.</param>
/// <param name="EnvCount">The length of its <c>env</c>, or null when it has none.</param>
/// <param name="Env">Its <c>env</c> as sent, every entry checked to have a string name; undefined when it has none.</param>
public sealed record ContainerShape(string Name, int? EnvCount, JsonElement Env)
{
    /// <summary>Whether its <c>env</c> sets the name.</summary>
    public bool Sets(string name)
    {
        Span<int> at = stackalloc int[1];
        FindAt([Encoding.UTF8.GetBytes(name)], at);
        return at[0] >= 0;
    }

    /// <summary>
    /// Where in its <c>env</c> each of the names (as UTF-8) is first set, or -1: one pass over the
    /// request's JSON on the hot path, comparing bytes, with no string made.
    /// </summary>
    public void FindAt(IReadOnlyList<byte[]> utf8Names, Span<int> at)
    {
        at.Fill(-1);
        if (EnvCount is null)
        {
            return;
        }
        var index = 0;
        foreach (var variable in Env.EnumerateArray())
        {
            var name = variable.GetProperty("name"u8);
            for (var i = 0; i < utf8Names.Count; i++)
            {
                if (at[i] < 0 && name.ValueEquals(utf8Names[i]))
                {
                    at[i] = index;
                }
            }
            index++;
        }
    }

    /// <summary>The entry of its <c>env</c> at the index.</summary>
    public JsonElement EnvEntry(int index) => Env[index];

    /// <summary>The names its <c>env</c> sets, in order; empty when it has none.</summary>
    public IEnumerable<string> EnvNames() =>
        EnvCount is null ? [] : Env.EnumerateArray().Select(variable => variable.GetProperty("name"u8).GetString()!);
}
