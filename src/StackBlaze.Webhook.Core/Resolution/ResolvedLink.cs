using StackBlaze.Webhook.Core.Catalog;
using StackBlaze.Webhook.Core.Links;

namespace StackBlaze.Webhook.Core.Resolution;

/// <summary>A link matched to its Service and port: everything its variables are made from.</summary>
internal sealed record ResolvedLink(LinkEntry Entry, ServiceEntry Service, ServicePortEntry Port, string Scheme, string EnvName);
