using System.Text.Json;
using System.Text.Json.Nodes;

namespace StackBlaze.Webhook.Tests.Support;

/// <summary>
/// Runs a CEL expression of the deploy manifests on requests, with a real CEL implementation
/// (cel-js, pinned in tests/cel), so a condition is tested by what it decides, not by how it is spelled.
/// </summary>
internal static class CelEvaluator
{
    private static readonly string Folder = Path.Combine(RepositoryPaths.Root, "tests", "cel");

    /// <summary>What <paramref name="expression"/> gives for each activation: its value, or <c>{"error": ...}</c>.</summary>
    public static Task<IReadOnlyList<JsonNode?>> EvaluateAsync(string expression, params JsonObject[] activations) =>
        EvaluateAsync(expression, [], activations);

    /// <summary>
    /// Like <see cref="EvaluateAsync(string, JsonObject[])"/>, with <paramref name="variables"/> (name and
    /// expression) worked out first, in order, as a ValidatingAdmissionPolicy's <c>variables</c>.
    /// </summary>
    public static async Task<IReadOnlyList<JsonNode?>> EvaluateAsync(
        string expression, IEnumerable<(string Name, string Expression)> variables, params JsonObject[] activations)
    {
        await NodePackages.EnsureInstalledAsync(Folder, Path.Combine("@marcbachmann", "cel-js"));
        var input = new JsonObject
        {
            ["expression"] = expression,
            ["variables"] = new JsonArray([.. variables.Select(v => new JsonObject { ["name"] = v.Name, ["expression"] = v.Expression })]),
            ["activations"] = new JsonArray([.. activations.Select(a => a.DeepClone())]),
        };
        var result = await ProcessRunner.RunAsync("node", [Path.Combine(Folder, "evaluate.mjs")], input.ToJsonString(), Folder);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"the CEL evaluator failed: {result.Stderr}");
        }
        return [.. JsonNode.Parse(result.Stdout)!.AsArray()];
    }

    /// <summary>What <paramref name="expression"/> gives for one activation, which must be a boolean.</summary>
    public static async Task<bool> IsTrueAsync(string expression, JsonObject activation)
    {
        var result = (await EvaluateAsync(expression, activation))[0];
        return result?.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new InvalidOperationException($"{expression} gave no boolean but {result?.ToJsonString()}"),
        };
    }
}
