using System.Collections.Concurrent;
using System.Text;
using StackBlaze.Webhook.Core.Patches;

namespace StackBlaze.Webhook.Core.Injection;

/// <summary>
/// What a links annotation injects, in order, or every reason it cannot. Plans are kept across
/// requests, and most pods get every variable: what those pods' patches need is made once, here.
/// A class, not a record: what it keeps is no part of what it is.
/// </summary>
public sealed class LinkPlan(IReadOnlyList<InjectedVariable> variables, IReadOnlyList<string> errors)
{
    /// <summary>
    /// Operations kept for the places a plan's pods are patched at: the first container or two of
    /// a ReplicaSet's pods, with or without env. Past this many, a rare place is worked out per
    /// request, so a plan stays small however its pods are shaped.
    /// </summary>
    private const int MaxKeptOperations = 64;

    // A kept operation: its object, its path string and the dictionary's entry, about.
    private const int KeptOperationBytes = 160;

    private readonly ConcurrentDictionary<(string BasePath, string List, int Index, bool HasEnv), JsonPatchOperation[]> _containerOperations = new();
    private int _keptOperations;
    private string[]? _names;
    private string? _joinedNames;
    private byte[]? _envArrayJson;
    private string[]? _envNames;
    private byte[][]? _envNamesUtf8;
    private long _retainedBytes;

    public IReadOnlyList<InjectedVariable> Variables { get; } = variables;

    public IReadOnlyList<string> Errors { get; } = errors;

    public bool IsValid => Errors.Count == 0;

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

    /// <summary>
    /// The most memory the plan holds while kept, all it may make for itself included: what a
    /// cache of plans counts against its budget.
    /// </summary>
    public long RetainedBytes => _retainedBytes is var known and not 0 ? known : _retainedBytes = MeasureRetainedBytes();

    /// <summary>
    /// The operations that give a container at <paramref name="place"/> every variable: kept for
    /// the first places asked for, where the pods that share the plan are patched.
    /// </summary>
    internal JsonPatchOperation[] ContainerOperations(
        (string BasePath, string List, int Index, bool HasEnv) place,
        Func<(string BasePath, string List, int Index, bool HasEnv), LinkPlan, JsonPatchOperation[]> make)
    {
        if (_containerOperations.TryGetValue(place, out var kept))
        {
            return kept;
        }
        var operations = make(place, this);
        if (Interlocked.Add(ref _keptOperations, operations.Length) <= MaxKeptOperations)
        {
            _containerOperations.TryAdd(place, operations);
        }
        return operations;
    }

    private long MeasureRetainedBytes()
    {
        // Strings are two bytes a char; each object is counted with a generous header.
        const int objectBytes = 64;
        long bytes = 4 * objectBytes + (long)MaxKeptOperations * KeptOperationBytes;
        foreach (var variable in Variables)
        {
            // The record and its strings, its JSON and the parsed copy compared with a container's, its name in the lists above and in UTF-8.
            bytes += objectBytes * 6 + 6L * variable.Name.Length + 2L * variable.LinkText.Length
                + 2L * ((variable.Value?.Length ?? 0) + (variable.SecretName?.Length ?? 0) + (variable.SecretKey?.Length ?? 0))
                + 5L * variable.EnvVarJson().Length;
        }
        foreach (var error in Errors)
        {
            bytes += objectBytes + 2L * error.Length;
        }
        return bytes;
    }
}
