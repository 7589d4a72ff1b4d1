namespace StackBlaze.Webhook.CommandLine.Reports;

/// <summary>A manifest's path as SARIF names an artifact: relative to the working folder (the repository's root in CI), forward slashes, escaped.</summary>
internal static class ArtifactUri
{
    public static string Of(string source)
    {
        var path = Path.IsPathRooted(source) ? Path.GetRelativePath(Environment.CurrentDirectory, source) : source;
        var segments = path.Replace('\\', '/').Split('/');
        // "./deploy/app.yaml" is "deploy/app.yaml": code scanning matches paths as the repository writes them.
        return string.Join('/', segments.SkipWhile(segment => segment == ".").Select(Uri.EscapeDataString));
    }
}
