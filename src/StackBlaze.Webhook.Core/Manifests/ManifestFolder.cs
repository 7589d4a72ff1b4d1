namespace StackBlaze.Webhook.Core.Manifests;

/// <summary>
/// The manifest files of a folder, in name order: links are followed only where they stay inside
/// the folder (a link to a kubeconfig must not print its token), linked folders are not walked
/// (so a link to a parent makes no loop), and empty entries are skipped unopened (a FIFO or a
/// device reads as empty and could block or never end).
/// </summary>
internal static class ManifestFolder
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    // As many links as Linux follows in one path.
    private const int MaxLinks = 40;

    public static IReadOnlyList<string> Files(string folder)
    {
        var root = RealPath(folder, folder);
        var files = new List<string>();
        var pending = new Stack<string>([folder]);
        while (pending.TryPop(out var current))
        {
            foreach (var entry in Directory.EnumerateFileSystemEntries(current))
            {
                var info = new FileInfo(entry);
                var isFolder = info.Attributes.HasFlag(FileAttributes.Directory);
                if (info.LinkTarget is null)
                {
                    if (isFolder)
                    {
                        pending.Push(entry);
                    }
                    else if (IsManifest(entry) && info.Length > 0)
                    {
                        files.Add(entry);
                    }
                    continue;
                }
                if (!isFolder && !IsManifest(entry))
                {
                    continue;
                }
                var target = RealPath(entry, entry);
                if (!IsInside(target, root))
                {
                    throw new ManifestException($"{entry}: a link that leads out of {folder} is not followed");
                }
                if (File.Exists(target) && new FileInfo(target).Length > 0)
                {
                    files.Add(entry);
                }
            }
        }
        return files.Order(StringComparer.Ordinal).ToList();
    }

    private static bool IsManifest(string path) => Extensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);

    private static bool IsInside(string path, string root) =>
        path == root || path.StartsWith(Path.EndsInDirectorySeparator(root) ? root : root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>The path with every link in it resolved, as the kernel would open it.</summary>
    private static string RealPath(string path, string named)
    {
        var links = 0;
        return RealPath(Path.GetFullPath(path), named, ref links);
    }

    private static string RealPath(string fullPath, string named, ref int links)
    {
        var real = Path.GetPathRoot(fullPath) ?? "";
        foreach (var part in fullPath[real.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(real, part);
            if (new FileInfo(next).LinkTarget is { } target)
            {
                if (++links > MaxLinks)
                {
                    throw new ManifestException($"{named}: a link that cannot be resolved (a loop of links?) is not followed");
                }
                next = RealPath(Path.GetFullPath(Path.Combine(real, target)), named, ref links);
            }
            real = next;
        }
        return real;
    }
}
