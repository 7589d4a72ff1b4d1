using System.Text;
using System.Text.Json;

namespace StackBlaze.Webhook.Objects;

/// <summary>A container as injection sees it.</summary>
/// <param name="Name">The container's name, for messages.</param>
/// <param name="EnvCount">The length of its <c>env</c>, or null when it has none.</param>
/// <param name="Env">Its <c>env</c> as sent, every entry checked to have a string name; undefined when it has none.</param>
public sealed record ContainerShape(string Name, int? EnvCount, JsonElement Env)
{
    /// <summary>Whether its <c>env</c> sets the name.</summary>
    public bool Sets(string name)
    {
        Span<bool> isSet = stackalloc bool[1];
        FindSet([Encoding.UTF8.GetBytes(name)], isSet);
        return isSet[0];
    }

    /// <summary>
    /// Which of the names (as UTF-8) its <c>env</c> sets: one pass over the request's JSON on the
    /// hot path, comparing bytes, with no string made.
    /// </summary>
    public void FindSet(IReadOnlyList<byte[]> utf8Names, Span<bool> isSet)
    {
        isSet.Clear();
        if (EnvCount is null)
        {
            return;
        }
        foreach (var variable in Env.EnumerateArray())
        {
            var name = variable.GetProperty("name"u8);
            for (var i = 0; i < utf8Names.Count; i++)
            {
                isSet[i] = isSet[i] || name.ValueEquals(utf8Names[i]);
            }
        }
    }
}
