using StackBlaze.Webhook.Catalog;
using StackBlaze.Webhook.Links;

namespace StackBlaze.Webhook.Resolution;

/// <summary>A link matched to its Service and port: everything its variables are made from.</summary>
public sealed record ResolvedLink(LinkEntry Entry, ServiceEntry Service, ServicePortEntry Port, string Scheme, string EnvName);
