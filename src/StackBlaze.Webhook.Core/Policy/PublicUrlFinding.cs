namespace StackBlaze.Webhook.Core.Policy;

/// <summary>A call to a project service through its public URL, and what to write instead.</summary>
/// <param name="Container">The container whose configuration holds it; null for a ConfigMap's own key.</param>
/// <param name="Subject">The variable, ConfigMap key or argument it stands in.</param>
/// <param name="Address">The public address as written.</param>
/// <param name="Service">The project Service it reaches.</param>
/// <param name="InternalAddress">The <c>.internal</c> address to use instead, same path and query.</param>
internal sealed record PublicUrlFinding(string? Container, string Subject, string Address, string Service, string InternalAddress)
{
    public string Message => $"calls {Address}, the public URL of service \"{Service}\"; use {InternalAddress}";

    /// <summary>The finding in one line, for admission answers.</summary>
    public override string ToString() => Container is null ? $"{Subject}: {Message}" : $"container \"{Container}\" {Subject}: {Message}";
}
