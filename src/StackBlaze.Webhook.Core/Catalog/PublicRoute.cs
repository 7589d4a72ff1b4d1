namespace StackBlaze.Webhook.Core.Catalog;

/// <summary>A public host (and path) that leads to a Service of the project, and the port behind it.</summary>
/// <param name="Host">The host, lower case; <c>*.example.com</c> for a wildcard.</param>
/// <param name="PathPrefix">The path it serves, "/" for all.</param>
/// <param name="Service">The Service it leads to.</param>
/// <param name="Port">The Service's port it leads to.</param>
public sealed record PublicRoute(string Host, string PathPrefix, ServiceEntry Service, ServicePortEntry Port)
{
    /// <summary>Whether a request path falls under this route, as Ingress <c>Prefix</c> matching does (by whole segments).</summary>
    public bool Serves(string path) =>
        PathPrefix == "/"
        || path == PathPrefix
        || path.StartsWith(PathPrefix.EndsWith('/') ? PathPrefix : PathPrefix + "/", StringComparison.Ordinal);
}
