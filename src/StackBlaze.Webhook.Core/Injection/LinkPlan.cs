using System.Collections.Concurrent;
using System.Text;
using StackBlaze.Webhook.Patches;

namespace StackBlaze.Webhook.Injection;

/// <summary>
/// What a links annotation injects, in order, or every reason it cannot. Plans are kept across
/// requests, and most pods get every variable: what those pods' patches need is made once, here.
/// </summary>
public sealed record LinkPlan(IReadOnlyList<InjectedVariable> Variables, IReadOnlyList<string> Errors)
{
    private string[]? _names;
    private string? _joinedNames;
    private byte[]? _envArrayJson;
    private string[]? _envNames;
    private byte[][]? _envNamesUtf8;

    public bool IsValid => Errors.Count == 0;

    /// <summary>
    /// The operations that give a container every variable, by where it stands and whether it has
    /// env of its own: the pods that share a plan are patched at the same few places.
    /// </summary>
    internal ConcurrentDictionary<(string BasePath, string List, int Index, bool HasEnv), JsonPatchOperation[]> ContainerOperations { get; } = new();

    /// <summary>The operations that add the injected-env annotation of every variable, by where the object stands.</summary>
    internal ConcurrentDictionary<string, IReadOnlyList<JsonPatchOperation>> InjectedEnvAnnotations { get; } = new();

    /// <summary>The names of its variables, in order.</summary>
    public IReadOnlyList<string> Names => _names ??= [.. Variables.Select(v => v.Name)];

    /// <summary>The names joined with commas, as the injected-env annotation holds them.</summary>
    public string JoinedNames => _joinedNames ??= string.Join(',', Names);

    /// <summary>
    /// The names a container's own env is searched for: its variables' and those they refer to.
    /// </summary>
    public IReadOnlyList<string> EnvNames => _envNames ??= [.. Names.Concat(Variables.SelectMany(v => v.References)).Distinct(StringComparer.Ordinal)];

    /// <summary><see cref="EnvNames"/> as UTF-8, as the request's JSON holds them.</summary>
    public IReadOnlyList<byte[]> EnvNamesUtf8 => _envNamesUtf8 ??= [.. EnvNames.Select(Encoding.UTF8.GetBytes)];

    /// <summary>Every variable as one JSON array, for a container without env of its own.</summary>
    public ReadOnlyMemory<byte> EnvArrayJson() => _envArrayJson ??= InjectedVariable.EnvArrayJson(Variables);
}
