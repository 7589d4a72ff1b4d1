namespace StackBlaze.Webhook.Tests.Native;

/// <summary>
/// Not in parallel with other tests: the native publish keeps both cores busy for minutes, which would
/// starve the timed waits of tests running beside it.
/// </summary>
[CollectionDefinition(NativeBuild.Collection, DisableParallelization = true)]
public sealed class NativeBuildAlone : ICollectionFixture<NativeBuild>;
