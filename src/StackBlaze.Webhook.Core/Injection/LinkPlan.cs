using StackBlaze.Webhook.Core.Bindings;
using StackBlaze.Webhook.Core.Patches;

namespace StackBlaze.Webhook.Core.Injection;

/// <summary>
/// What a links annotation injects, in order, or every reason it cannot. Plans are kept across
/// requests: what every pod of the plan writes the same (the variables' JSON, the record) is
/// made once, here; the operations that place them are each pod's own.
/// </summary>
internal sealed class LinkPlan
{
    private readonly byte[][] _envVarJson;

    /// <param name="variables">What it injects, in order.</param>
    /// <param name="labels">The labels of the Services it links.</param>
    /// <param name="errors">Why it cannot be injected.</param>
    /// <param name="bindings">The Service Bindings of a pod that asks for them; its variables then end with their root.</param>
    public LinkPlan(IReadOnlyList<InjectedVariable> variables, LinkLabels labels, IReadOnlyList<string> errors, ServiceBindings? bindings = null)
    {
        Bindings = bindings ?? ServiceBindings.None;
        Variables = variables;
        Labels = labels;
        Errors = errors;
        Names = [.. variables.Select(v => v.Name)];
        JoinedNames = string.Join(',', Names);
        EnvNames = [.. Names.Concat(variables.SelectMany(v => v.References)).Distinct(StringComparer.Ordinal)];
        _envVarJson = [.. variables.Select(v => v.ToEnvVarJson())];
        EnvArrayJson = JsonArrays.Join([.. _envVarJson.Select(json => (ReadOnlyMemory<byte>)json)]);
        RetainedBytes = MeasureRetainedBytes() + Labels.RetainedBytes + Bindings.RetainedBytes;
    }

    public IReadOnlyList<InjectedVariable> Variables { get; }

    public IReadOnlyList<string> Errors { get; }

    public bool IsValid => Errors.Count == 0;

    /// <summary>The names of its variables, in order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The names joined with commas, as the injected-env annotation holds them.</summary>
    public string JoinedNames { get; }

    /// <summary>The names a container's own env is searched for: its variables' and those they refer to.</summary>
    public IReadOnlyList<string> EnvNames { get; }

    /// <summary>Every variable as one JSON array, for a container without env of its own.</summary>
    public ReadOnlyMemory<byte> EnvArrayJson { get; }

    /// <summary>The labels a pod gets for the Services it links.</summary>
    public LinkLabels Labels { get; }

    /// <summary>The Service Bindings it projects: none unless planned for a pod that asks for them.</summary>
    public ServiceBindings Bindings { get; }

    /// <summary>The most memory the plan holds while kept: what a cache of plans counts against its budget.</summary>
    public long RetainedBytes { get; }

    /// <summary>The <c>EnvVar</c> of the variable at <paramref name="variable"/>, as UTF-8 JSON.</summary>
    public ReadOnlyMemory<byte> EnvVarJson(int variable) => _envVarJson[variable];

    private long MeasureRetainedBytes()
    {
        // Strings are two bytes a char; each object is counted with a generous header.
        const int objectBytes = 64;
        long bytes = 6 * objectBytes + 2L * JoinedNames.Length + EnvArrayJson.Length;
        foreach (var variable in Variables)
        {
            // The record and its strings, its JSON, its name in the lists above.
            bytes += objectBytes * 5 + 6L * variable.Name.Length + 2L * variable.LinkText.Length
                + 2L * ((variable.Value?.Length ?? 0) + (variable.SecretName?.Length ?? 0) + (variable.SecretKey?.Length ?? 0));
        }
        foreach (var json in _envVarJson)
        {
            bytes += objectBytes + json.Length;
        }
        foreach (var error in Errors)
        {
            bytes += objectBytes + 2L * error.Length;
        }
        return bytes;
    }
}
