namespace StackBlaze.Webhook.Core.Manifests;

/// <summary>One thing <c>check</c> reports about a manifest.</summary>
/// <param name="Document">The manifest it is about.</param>
/// <param name="Rule">What kind of thing it says.</param>
/// <param name="IsViolation">True when it fails the check; false for a warning.</param>
/// <param name="Container">The container, for public-URL findings.</param>
/// <param name="Subject">The variable, ConfigMap key or argument, for public-URL findings.</param>
/// <param name="Message">What is wrong, and what to write instead.</param>
/// <param name="Address">The public address found, if any.</param>
/// <param name="Service">The Service it reaches, if any.</param>
/// <param name="InternalAddress">The <c>.internal</c> address to use instead, if any.</param>
public sealed record CheckFinding(
    ManifestDocument Document,
    FindingRule Rule,
    bool IsViolation,
    string? Container,
    string? Subject,
    string Message,
    string? Address = null,
    string? Service = null,
    string? InternalAddress = null)
{
    /// <summary>The JSON Pointer, in the object, of the value it is about (the env entry's value, the ConfigMap key, the argument); null for the object as a whole.</summary>
    public string? ValuePointer { get; init; }

    /// <summary>Where that value is written (or the nearest of its parents that is); null when not known.</summary>
    public ValuePosition? Position { get; init; }

    /// <summary>The line of the value it is about, or of its object when that is not known.</summary>
    public int Line => Position?.Line ?? Document.Line;

    /// <summary><c>Kind/name container web API_URL</c>, <c>ConfigMap/name key API_URL</c>: what a reader looks for in the manifest.</summary>
    public string Where => (Container, Subject) switch
    {
        (null, null) => $"{Document.Kind}/{Document.Name}",
        (null, _) => $"{Document.Kind}/{Document.Name} {Subject}",
        _ => $"{Document.Kind}/{Document.Name} container {Container} {Subject}",
    };
}
