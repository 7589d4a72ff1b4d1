namespace StackBlaze.Webhook.Tests.Support.FakeApiServer;

/// <summary>One watch event as the fake keeps it: the object is serialized once, so open watches share it safely.</summary>
/// <param name="ResourceVersion">The resourceVersion the change was given.</param>
/// <param name="Type">ADDED, MODIFIED, DELETED or BOOKMARK.</param>
/// <param name="Namespace">The object's namespace, null for cluster-scoped objects and bookmarks.</param>
/// <param name="Object">The object's JSON, UTF-8.</param>
internal sealed record StoredEvent(long ResourceVersion, string Type, string? Namespace, byte[] Object);
