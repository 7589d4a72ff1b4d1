namespace StackBlaze.Webhook.Tests.Support.FakeApiServer;

/// <summary>One resourceVersion counter for the whole fake cluster, as etcd's revision is.</summary>
internal sealed class ResourceVersionClock
{
    private long _current = 1000;

    public long Current => Interlocked.Read(ref _current);

    public long Next() => Interlocked.Increment(ref _current);
}
