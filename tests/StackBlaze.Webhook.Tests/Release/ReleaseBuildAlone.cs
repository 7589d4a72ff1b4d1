namespace StackBlaze.Webhook.Tests.Release;

/// <summary>
/// Not in parallel with other tests: the native publish keeps both cores busy for minutes, which would
/// starve the timed waits of tests running beside it.
/// </summary>
[CollectionDefinition(ReleaseBuild.Collection, DisableParallelization = true)]
public sealed class ReleaseBuildAlone : ICollectionFixture<ReleaseBuild>;
