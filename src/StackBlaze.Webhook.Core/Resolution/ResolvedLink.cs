using StackBlaze.Webhook.Core.Catalog;
using StackBlaze.Webhook.Core.Links;

namespace StackBlaze.Webhook.Core.Resolution;

/// <summary>A link matched to its Service and port: everything its variables are made from.</summary>
/// <param name="Entry">The entry as written.</param>
/// <param name="Service">The Service it links.</param>
/// <param name="Port">The port it links.</param>
/// <param name="Scheme">The port's protocol, the URL's scheme.</param>
/// <param name="EnvName">The variable's name, or <see cref="AddressForms.LibpqSetName"/> for libpq's set.</param>
/// <param name="Form">What the variable holds, which its name chose.</param>
/// <param name="Credentials">The Service's credentials, or null when it has none.</param>
internal sealed record ResolvedLink(
    LinkEntry Entry, ServiceEntry Service, ServicePortEntry Port, string Scheme, string EnvName, AddressForm Form, Credentials? Credentials);
