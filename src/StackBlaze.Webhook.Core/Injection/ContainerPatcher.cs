using System.Text.Json;
using StackBlaze.Webhook.Core.Bindings;
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
/// <param name="stale">Recorded names no link gives any more.</param>
/// <param name="patch">Where the operations go.</param>
internal sealed class ContainerPatcher(LinkPlan plan, InjectionRecord record, string basePath, IReadOnlyList<string> stale, List<JsonPatchOperation> patch)
{
    // What a container's env is searched for, in one walk: the plan's names, then the stale ones.
    private readonly IReadOnlyList<string> _sought = stale.Count == 0 ? plan.EnvNames : [.. plan.EnvNames, .. stale];
    private readonly VariableOutcome[] _outcomes = new VariableOutcome[plan.Variables.Count];

    [Flags]
    private enum VariableOutcome : byte
    {
        None = 0,
        // Added or refreshed in at least one container.
        Changed = 1,
        // The webhook's in at least one container.
        Ours = 2,
        // Set by at least one container itself, and left as written there.
        KeptByContainer = 4,
    }

    public List<string>? Warnings { get; private set; }

    /// <summary>Whether the variable was added or refreshed in at least one container.</summary>
    public bool Changed(int variable) => (_outcomes[variable] & VariableOutcome.Changed) != 0;

    /// <summary>
    /// Whether the variable is the webhook's in every container that has it: the record names
    /// it. One a container sets itself is that container's, and would be overwritten on the next pass.
    /// </summary>
    public bool Recorded(int variable) => IsRecorded(_outcomes[variable]);

    /// <summary>Whether every variable was added or refreshed: the usual first pass.</summary>
    public bool AllChanged => Array.TrueForAll(_outcomes, outcome => (outcome & VariableOutcome.Changed) != 0);

    /// <summary>Whether the record names every variable of the plan.</summary>
    public bool AllRecorded => Array.TrueForAll(_outcomes, IsRecorded);

    private static bool IsRecorded(VariableOutcome outcome) => (outcome & (VariableOutcome.Ours | VariableOutcome.KeptByContainer)) == VariableOutcome.Ours;

    /// <param name="container">The container.</param>
    /// <param name="list">Its list in the pod spec.</param>
    /// <param name="index">Its place in that list.</param>
    /// <param name="trace">Told what the container gets and why not, for <c>explain</c>: an argument, not a field, so the webhook's patcher is no larger.</param>
    public void Patch(ContainerShape container, string list, int index, IInjectionTrace? trace = null)
    {
        var envPath = new EnvPath(basePath, list, index);
        if (container.Env is not { } env)
        {
            // Nothing of its own to keep, to shadow or to take back: every variable, as one array.
            if (plan.Variables.Count > 0)
            {
                patch.Add(JsonPatchOperation.AddJson(envPath.Whole, plan.EnvArrayJson));
            }
            for (var v = 0; v < _outcomes.Length; v++)
            {
                _outcomes[v] |= VariableOutcome.Ours | VariableOutcome.Changed;
                trace?.Injected(container, list, plan.Variables[v]);
            }
            return;
        }

        var at = container.Find(_sought);
        var missing = new List<int>();
        List<int>? moved = null;
        var oursPresent = false;
        for (var v = 0; v < plan.Variables.Count; v++)
        {
            var variable = plan.Variables[v];
            var position = at[IndexOf(variable.Name)];
            if (position >= 0)
            {
                if (!record.Contains(variable.Name))
                {
                    // The Service Binding specification's way to move the root: the mount follows it, nothing to warn of.
                    if (!ReferenceEquals(variable, BindingRoot.Variable))
                    {
                        (Warnings ??= []).Add(BoundedText.Warning(
                            $"container \"{container.Name}\" sets {variable.Name} itself: kept as written, link \"{variable.LinkText}\" not injected there"));
                        trace?.SetByContainer(container, list, variable);
                    }
                    _outcomes[v] |= VariableOutcome.KeptByContainer;
                    continue;
                }
                var current = IsWrittenAs(env[position], v);
                // A new value that refers to a variable standing after it (a URL that was a Secret's uri) would not expand in place: it is added anew, as a missing one.
                if (current || !RefersToLater(variable, position, at))
                {
                    _outcomes[v] |= VariableOutcome.Ours;
                    oursPresent = true;
                    trace?.Injected(container, list, variable);
                    if (!current)
                    {
                        patch.Add(JsonPatchOperation.ReplaceJson(envPath.At(position), plan.EnvVarJson(v)));
                        _outcomes[v] |= VariableOutcome.Changed;
                    }
                    continue;
                }
                (moved ??= []).Add(position);
            }
            // The container's own definition would come after ours, and Kubernetes expands only earlier variables.
            if (FirstOwn(variable.References, at) is { } shadowed)
            {
                (Warnings ??= []).Add(BoundedText.Warning(
                    $"container \"{container.Name}\" sets {shadowed} itself, so {variable.Name} of link \"{variable.LinkText}\" "
                    + $"could not expand $({shadowed}): not injected there"));
                trace?.ReferenceSetByContainer(container, list, variable, shadowed);
                continue;
            }
            missing.Add(v);
            _outcomes[v] |= VariableOutcome.Ours | VariableOutcome.Changed;
            trace?.Injected(container, list, variable);
        }

        var removed = Remove(envPath, at, moved);
        if (oursPresent || removed.Length > 0)
        {
            AddAmong(envPath, env.GetArrayLength(), at, missing, removed);
            return;
        }
        // The first pass, usually: nothing of ours to place them after, so they go first, in order.
        for (var i = 0; i < missing.Count; i++)
        {
            patch.Add(JsonPatchOperation.AddJson(envPath.At(i), plan.EnvVarJson(missing[i])));
        }
    }

    /// <summary>Removes the recorded variables no link gives any more, and those to be added anew; their places, last first.</summary>
    private int[] Remove(EnvPath envPath, int[] at, List<int>? moved)
    {
        if (stale.Count == 0 && moved is null)
        {
            return [];
        }
        int[] removed = [.. at.Skip(plan.EnvNames.Count).Where(position => position >= 0).Concat(moved ?? []).OrderDescending()];
        patch.AddRange(removed.Select(position => JsonPatchOperation.Remove(envPath.At(position))));
        return removed;
    }

    /// <summary>
    /// Adds the missing variables ahead of the container's own, but after any variable they refer
    /// to, so that $(NAME) still expands. Only the plan's names place them: the others stand as null.
    /// </summary>
    private void AddAmong(EnvPath envPath, int envCount, int[] at, List<int> missing, int[] removed)
    {
        var names = new List<string?>(new string?[envCount]);
        for (var i = 0; i < plan.EnvNames.Count; i++)
        {
            if (at[i] >= 0)
            {
                names[at[i]] = plan.EnvNames[i];
            }
        }
        foreach (var position in removed)
        {
            names.RemoveAt(position);
        }
        var front = 0;
        foreach (var v in missing)
        {
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
            patch.Add(JsonPatchOperation.AddJson(envPath.At(position), plan.EnvVarJson(v)));
        }
    }

    // Parsed for each comparison: only a container that has the variable already, on a later pass, gets here.
    private bool IsWrittenAs(JsonElement entry, int variable) =>
        JsonElement.DeepEquals(entry, JsonElement.Parse(plan.EnvVarJson(variable).Span));

    /// <summary>Whether a variable refers to one that stands after its place.</summary>
    private bool RefersToLater(InjectedVariable variable, int position, int[] at)
    {
        foreach (var reference in variable.References)
        {
            if (at[IndexOf(reference)] > position)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The first of the names the container sets itself (not in the record), or null.</summary>
    private string? FirstOwn(IReadOnlyList<string> names, int[] at)
    {
        foreach (var name in names)
        {
            if (at[IndexOf(name)] >= 0 && !record.Contains(name))
            {
                return name;
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

    /// <summary>Where a container's env stands in the document, made a path only for each operation.</summary>
    private readonly record struct EnvPath(string BasePath, string List, int Index)
    {
        public string Whole => $"{BasePath}/spec/{List}/{Index}/env";

        public string At(int position) => $"{BasePath}/spec/{List}/{Index}/env/{position}";
    }
}
