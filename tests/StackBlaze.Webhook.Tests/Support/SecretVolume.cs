using System.Diagnostics;

namespace StackBlaze.Webhook.Tests.Support;

/// <summary>
/// A folder laid out as the kubelet mounts a Secret: <c>tls.crt</c> and <c>tls.key</c> are links into
/// <c>..data</c>, itself a link to a folder of the current version, and an update swaps <c>..data</c>
/// with one atomic rename.
/// </summary>
internal sealed class SecretVolume : IDisposable
{
    private const string Data = "..data";
    private int _version;

    private SecretVolume(string folder)
    {
        Folder = folder;
    }

    public string Folder { get; }

    public string CertFile => Path.Combine(Folder, "tls.crt");

    public string KeyFile => Path.Combine(Folder, "tls.key");

    public static SecretVolume Create(string certFile, string keyFile)
    {
        var volume = new SecretVolume(Directory.CreateTempSubdirectory("stackblaze-volume-").FullName);
        volume.Update(certFile, keyFile);
        File.CreateSymbolicLink(volume.CertFile, Path.Combine(Data, "tls.crt"));
        File.CreateSymbolicLink(volume.KeyFile, Path.Combine(Data, "tls.key"));
        return volume;
    }

    /// <summary>Publishes a new version of both files at once, as the kubelet does.</summary>
    public void Update(string certFile, string keyFile)
    {
        var version = $"..v{++_version}";
        Directory.CreateDirectory(Path.Combine(Folder, version));
        File.Copy(certFile, Path.Combine(Folder, version, "tls.crt"));
        File.Copy(keyFile, Path.Combine(Folder, version, "tls.key"));
        var staged = Path.Combine(Folder, "..data_tmp");
        File.CreateSymbolicLink(staged, version);
        Rename(staged, Path.Combine(Folder, Data));
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    // rename(2) replaces the old link in one step; File.Move refuses a link to a folder.
    private static void Rename(string from, string to)
    {
        using var mv = Process.Start("mv", ["-T", from, to]);
        mv.WaitForExit();
        if (mv.ExitCode != 0)
        {
            throw new IOException($"mv -T {from} {to} failed");
        }
    }
}
