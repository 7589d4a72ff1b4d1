namespace StackBlaze.Webhook.Core.Manifests;

/// <summary>One thing <c>check</c> reports about a manifest.</summary>
/// <param name="Document">The manifest it is about.</param>
/// <param name="IsViolation">True when it fails the check; false for a warning.</param>
/// <param name="Container">The container, for public-URL findings.</param>
/// <param name="Subject">The variable, ConfigMap key or argument, for public-URL findings.</param>
/// <param name="Message">What is wrong, and what to write instead.</param>
/// <param name="Address">The public address found, if any.</param>
/// <param name="Service">The Service it reaches, if any.</param>
/// <param name="InternalAddress">The <c>.internal</c> address to use instead, if any.</param>
public sealed record CheckFinding(
    ManifestDocument Document,
    bool IsViolation,
    string? Container,
    string? Subject,
    string Message,
    string? Address = null,
    string? Service = null,
    string? InternalAddress = null)
{
    /// <summary><c>Kind/name container web API_URL</c>, <c>ConfigMap/name key API_URL</c>: what a reader looks for in the manifest.</summary>
    public string Where => (Container, Subject) switch
    {
        (null, null) => $"{Document.Kind}/{Document.Name}",
        (null, _) => $"{Document.Kind}/{Document.Name} {Subject}",
        _ => $"{Document.Kind}/{Document.Name} container {Container} {Subject}",
    };
}
