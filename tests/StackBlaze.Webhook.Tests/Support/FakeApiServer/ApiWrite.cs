namespace StackBlaze.Webhook.Tests.Support.FakeApiServer;

/// <summary>One write a client made through the API.</summary>
/// <param name="Verb">create, update, apply or delete, as RBAC names them (apply is a patch).</param>
/// <param name="Namespace">The object's namespace.</param>
/// <param name="Name">The object's name.</param>
/// <param name="User">The bearer token it came with: which client wrote.</param>
internal sealed record ApiWrite(string Verb, string Namespace, string Name, string User);
