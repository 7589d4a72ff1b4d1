using System.Collections.Concurrent;

namespace StackBlaze.Webhook.Tests.Support;

/// <summary>
/// The tests' pinned npm packages (a folder of tests/ with its package-lock.json), installed with
/// <c>npm ci</c> on first use, so that <c>dotnet test</c> alone is enough on a fresh machine with Node.
/// </summary>
internal static class NodePackages
{
    // One install per folder and test run, however many tests ask at once.
    private static readonly ConcurrentDictionary<string, Lazy<Task>> Installs = new(StringComparer.Ordinal);

    /// <summary>
    /// Installs <paramref name="folder"/>'s locked packages unless <paramref name="probePackage"/> is
    /// already in its node_modules.
    /// </summary>
    public static Task EnsureInstalledAsync(string folder, string probePackage) =>
        Installs.GetOrAdd(folder, _ => new Lazy<Task>(() => InstallAsync(folder, probePackage))).Value;

    private static async Task InstallAsync(string folder, string probePackage)
    {
        if (Directory.Exists(Path.Combine(folder, "node_modules", probePackage)))
        {
            return;
        }
        var result = await ProcessRunner.RunAsync("npm", ["ci", "--no-audit", "--no-fund"], workingDirectory: folder);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm ci in {Path.GetRelativePath(RepositoryPaths.Root, folder)} failed: {result.Stderr}");
        }
    }
}
