using StackBlaze.Webhook.Core.Limits;
using StackBlaze.Webhook.Core.Objects;
using StackBlaze.Webhook.Core.Patches;

namespace StackBlaze.Webhook.Core.Injection;

/// <summary>
/// Brings the containers of one pod in line with a plan, one at a time: a variable missing is
/// added, one the record names is set to the plan's value when it differs and removed when no link
/// gives it any more, and one the container sets itself, not in the record, is left as written.
/// </summary>
/// <param name="plan">The variables the links give now.</param>
/// <param name="record">The variables that are the webhook's, from an earlier pass.</param>
/// <param name="basePath">Where the pod stands in the patched document.</param>
/// <param name="staleUtf8">Recorded names no link gives any more, as UTF-8.</param>
/// <param name="patch">Where the operations go.</param>
internal sealed class ContainerPatcher(LinkPlan plan, InjectionRecord record, string basePath, IReadOnlyList<byte[]> staleUtf8, List<JsonPatchOperation> patch)
{
    private readonly bool[] _changed = new bool[plan.Variables.Count];
    private readonly bool[] _ours = new bool[plan.Variables.Count];
    private readonly bool[] _keptByContainer = new bool[plan.Variables.Count];

    public List<string>? Warnings { get; private set; }

    /// <summary>Whether the variable was added or refreshed in at least one container.</summary>
    public bool Changed(int variable) => _changed[variable];

    /// <summary>
    /// Whether the variable is the webhook's in every container that has it: the record names
    /// it. One a container sets itself is that container's, and would be overwritten on the next pass.
    /// </summary>
    public bool Recorded(int variable) => _ours[variable] && !_keptByContainer[variable];

    /// <summary>Whether every variable was added or refreshed: the usual first pass, whose names the plan keeps.</summary>
    public bool AllChanged => Array.TrueForAll(_changed, changed => changed);

    /// <summary>Whether the record names every variable of the plan.</summary>
    public bool AllRecorded => Array.TrueForAll(_ours, ours => ours) && !Array.Exists(_keptByContainer, kept => kept);

    public void Patch(ContainerShape container, string list, int index)
    {
        var variables = plan.Variables;
        Span<int> at = plan.EnvNames.Count <= 128 ? stackalloc int[plan.EnvNames.Count] : new int[plan.EnvNames.Count];
        container.FindAt(plan.EnvNamesUtf8, at);
        var missing = new bool[variables.Count];
        var missingCount = 0;
        var oursPresent = false;
        for (var v = 0; v < variables.Count; v++)
        {
            var variable = variables[v];
            var position = at[IndexOf(variable.Name)];
            if (position >= 0)
            {
                if (!record.Contains(variable.Name))
                {
                    (Warnings ??= []).Add(BoundedText.Warning(
                        $"container \"{container.Name}\" sets {variable.Name} itself: kept as written, link \"{variable.LinkText}\" not injected there"));
                    _keptByContainer[v] = true;
                    continue;
                }
                _ours[v] = oursPresent = true;
                if (!variable.IsWrittenAs(container.EnvEntry(position)))
                {
                    patch.Add(JsonPatchOperation.ReplaceJson($"{EnvPath(list, index)}/{position}", variable.EnvVarJson()));
                    _changed[v] = true;
                }
                continue;
            }
            // The container's own definition would come after ours, and Kubernetes expands only earlier variables.
            if (FirstOwn(variable.References, at) is { } shadowed)
            {
                (Warnings ??= []).Add(BoundedText.Warning(
                    $"container \"{container.Name}\" sets {shadowed} itself, so {variable.Name} of link \"{variable.LinkText}\" "
                    + $"could not expand $({shadowed}): not injected there"));
                continue;
            }
            missing[v] = _ours[v] = _changed[v] = true;
            missingCount++;
        }

        var removed = RemoveStale(container, list, index);
        if (missingCount == 0)
        {
            return;
        }
        if (oursPresent || removed.Count > 0)
        {
            AddAmong(container, list, index, missing, removed);
            return;
        }
        var place = (basePath, list, index, container.EnvCount is not null);
        // Most containers get every variable, at the same few places: the plan keeps those operations.
        patch.AddRange(missingCount == variables.Count
            ? plan.ContainerOperations(place, static (place, plan) => Operations(place, plan, plan.Variables))
            : Operations(place, plan, [.. variables.Where((_, v) => missing[v])]));
    }

    /// <summary>Removes the recorded variables no link gives any more; their places, last first.</summary>
    private List<int> RemoveStale(ContainerShape container, string list, int index)
    {
        if (staleUtf8.Count == 0 || container.EnvCount is null)
        {
            return [];
        }
        var at = new int[staleUtf8.Count];
        container.FindAt(staleUtf8, at);
        List<int> removed = [.. at.Where(position => position >= 0).OrderDescending()];
        patch.AddRange(removed.Select(position => JsonPatchOperation.Remove($"{EnvPath(list, index)}/{position}")));
        return removed;
    }

    /// <summary>
    /// Adds the missing variables to a container that has some of ours already: ahead of its own,
    /// but after any variable they refer to, so that $(NAME) still expands.
    /// </summary>
    private void AddAmong(ContainerShape container, string list, int index, bool[] missing, List<int> removed)
    {
        var names = container.EnvNames().ToList();
        foreach (var position in removed)
        {
            names.RemoveAt(position);
        }
        var front = 0;
        for (var v = 0; v < missing.Length; v++)
        {
            if (!missing[v])
            {
                continue;
            }
            var variable = plan.Variables[v];
            var position = front;
            foreach (var reference in variable.References)
            {
                position = Math.Max(position, names.IndexOf(reference) + 1);
            }
            if (position == front)
            {
                front++;
            }
            names.Insert(position, variable.Name);
            patch.Add(JsonPatchOperation.AddJson($"{EnvPath(list, index)}/{position}", variable.EnvVarJson()));
        }
    }

    /// <summary>
    /// What gives a container the variables: one array when it has no env; else each inserted ahead
    /// of its own, so that they can refer to ours as $(NAME).
    /// </summary>
    private static JsonPatchOperation[] Operations(
        (string BasePath, string List, int Index, bool HasEnv) place, LinkPlan plan, IReadOnlyList<InjectedVariable> variables)
    {
        var env = $"{place.BasePath}/spec/{place.List}/{place.Index}/env";
        return place.HasEnv
            ? [.. variables.Select((variable, position) => JsonPatchOperation.AddJson($"{env}/{position}", variable.EnvVarJson()))]
            : [JsonPatchOperation.AddJson(env, variables == plan.Variables ? plan.EnvArrayJson() : InjectedVariable.EnvArrayJson(variables))];
    }

    private string EnvPath(string list, int index) => $"{basePath}/spec/{list}/{index}/env";

    /// <summary>The first of the names the container sets itself (not in the record), or null.</summary>
    private string? FirstOwn(IReadOnlyList<string> names, ReadOnlySpan<int> at)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (at[IndexOf(names[i])] >= 0 && !record.Contains(names[i]))
            {
                return names[i];
            }
        }
        return null;
    }

    // Every variable's name and reference is among the plan's env names, by construction.
    private int IndexOf(string name)
    {
        var names = plan.EnvNames;
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }
        throw new InvalidOperationException($"{name} is not among the plan's env names");
    }
}
