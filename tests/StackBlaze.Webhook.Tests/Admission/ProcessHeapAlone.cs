namespace StackBlaze.Webhook.Tests.Admission;

/// <summary>
/// Not in parallel with other tests: a test that reads this process's live heap to find a leak in
/// the server it hosts would otherwise also count what the tests beside it hold (the fake API
/// server's megabyte ConfigMaps, say), and fail for their memory.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessHeapAlone
{
    public const string Name = "reads the process heap";
}
