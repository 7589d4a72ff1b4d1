using System.Text.Json;

namespace StackBlaze.Webhook.Objects;

/// <summary>A container as injection sees it.</summary>
/// <param name="Name">The container's name, for messages.</param>
/// <param name="EnvCount">The length of its <c>env</c>, or null when it has none.</param>
/// <param name="Env">Its <c>env</c> as sent, every entry checked to have a string name; undefined when it has none.</param>
public sealed record ContainerShape(string Name, int? EnvCount, JsonElement Env)
{
    /// <summary>Whether its <c>env</c> sets the name: a scan of the JSON on the hot path, with no string made.</summary>
    public bool Sets(string name)
    {
        if (EnvCount is null)
        {
            return false;
        }
        foreach (var variable in Env.EnumerateArray())
        {
            if (variable.GetProperty("name").ValueEquals(name))
            {
                return true;
            }
        }
        return false;
    }
}
