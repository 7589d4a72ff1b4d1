namespace StackBlaze.Webhook.Tests.Support;

/// <summary>What <c>certs/generate.sh</c> writes into a folder.</summary>
internal sealed record GeneratedCertificates(string Folder)
{
    public string CaFile => Path.Combine(Folder, "ca.crt");

    public string CaKeyFile => Path.Combine(Folder, "ca.key");

    public string CertFile => Path.Combine(Folder, "tls.crt");

    public string KeyFile => Path.Combine(Folder, "tls.key");

    public static string Script => Path.Combine(RepositoryPaths.Root, "certs", "generate.sh");

    /// <summary>Runs the script as an operator would; it must succeed.</summary>
    public static async Task<GeneratedCertificates> GenerateAsync(string folder, params string[] arguments)
    {
        var result = await RunAsync(["--out", folder, .. arguments]);
        result.ExitCode.Should().Be(0, result.Stderr);
        return new GeneratedCertificates(folder);
    }

    public static Task<ProcessRunner.Result> RunAsync(IEnumerable<string> arguments) =>
        ProcessRunner.RunAsync("bash", [Script, .. arguments]);
}
