namespace StackBlaze.Webhook.Tests.Support.FakeApiServer;

/// <summary>
/// Many objects made on demand, one list page at a time, so a cluster of 100,000 Services costs
/// the fake no memory. They were all created at one resourceVersion and never change.
/// </summary>
internal sealed class GeneratedObjects(int count, Func<int, byte[]> make, Func<int, string?> namespaceOf)
{
    public int Count { get; } = count;

    public byte[] Make(int index) => make(index);

    public string? NamespaceOf(int index) => namespaceOf(index);
}
