using System.Text.Json;

namespace StackBlaze.Webhook.Core.Objects;

/// <summary>A container as the webhook sees it: its name and its <c>env</c>, in the request's JSON, not copied.</summary>
/// <param name="Name">The container's name, for messages.</param>
/// <param name="Env">Its <c>env</c> as sent, every entry checked to have a string name; null when it has none.</param>
/// <param name="Json">The container as sent, for the rest of its configuration (<c>envFrom</c>, command and args).</param>
internal sealed record ContainerShape(string Name, JsonElement? Env, JsonElement Json)
{
    /// <summary>The length of its <c>env</c>, or null when it has none.</summary>
    public int? EnvCount => Env?.GetArrayLength();

    /// <summary>Where in its <c>env</c> each of the names is first set, or -1: one walk over the entries.</summary>
    public int[] Find(IReadOnlyList<string> names)
    {
        var at = new int[names.Count];
        Array.Fill(at, -1);
        if (Env is not { } env)
        {
            return at;
        }
        var index = 0;
        foreach (var entry in env.EnumerateArray())
        {
            var name = entry.GetProperty("name"u8);
            for (var i = 0; i < at.Length; i++)
            {
                if (at[i] < 0 && name.ValueEquals(names[i]))
                {
                    at[i] = index;
                }
            }
            index++;
        }
        return at;
    }
}
