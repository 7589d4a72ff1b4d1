using System.Text.Json.Nodes;

namespace StackBlaze.Webhook.Tests.Support;

/// <summary>
/// A Service Binding client library, Node's kube-service-bindings (pinned in tests/bindings), reading a
/// bindings folder as an app configured by it would.
/// </summary>
internal static class ServiceBindingClient
{
    private static readonly string Folder = Path.Combine(RepositoryPaths.Root, "tests", "bindings");

    /// <summary>
    /// What <c>getBinding(type, client)</c> returns with <c>SERVICE_BINDING_ROOT</c> set to
    /// <paramref name="root"/>: <paramref name="type"/> is the package's name for it (<c>POSTGRESQL</c>),
    /// <paramref name="client"/> a client it knows (<c>pg</c>), <paramref name="id"/> part of a binding's folder name.
    /// </summary>
    /// <exception cref="InvalidOperationException">The package found no such binding, or failed: its message.</exception>
    public static async Task<JsonObject> GetBindingAsync(string root, string type, string client, string? id = null)
    {
        await NodePackages.EnsureInstalledAsync(Folder, "kube-service-bindings");
        string[] arguments = id is null ? [type, client] : [type, client, id];
        var result = await ProcessRunner.RunAsync(
            "node", [Path.Combine(Folder, "read.mjs"), .. arguments], workingDirectory: Folder,
            environment: new Dictionary<string, string?> { ["SERVICE_BINDING_ROOT"] = root });
        return result.ExitCode == 0
            ? JsonNode.Parse(result.Stdout)!.AsObject()
            : throw new InvalidOperationException($"kube-service-bindings: {result.Stderr.Trim()}");
    }
}
