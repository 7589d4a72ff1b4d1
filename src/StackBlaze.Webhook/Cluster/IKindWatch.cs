namespace StackBlaze.Webhook.Cluster;

/// <summary>A <see cref="KindWatch{TItem, TList, TEntry}"/>, whatever its objects' type: what the catalog's sync runs and orders.</summary>
internal interface IKindWatch
{
    /// <summary>Completes when the first full list has been applied.</summary>
    Task Synced { get; }

    /// <summary>
    /// Lists the kind again, in the watch's own turn: what the list says and the events after it are
    /// applied in the order the API server gave them, so no slower list overwrites a newer event.
    /// </summary>
    void Relist();

    Task RunAsync(CancellationToken cancellationToken);
}
