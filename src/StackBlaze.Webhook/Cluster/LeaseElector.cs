using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using StackBlaze.Webhook.Logging;

namespace StackBlaze.Webhook.Cluster;

/// <summary>
/// Leader election on a coordination.k8s.io Lease, client-go's algorithm (KubernetesClient.Aot has
/// none): the Lease is taken when it is free or its holder has not renewed it for its duration, as
/// this replica saw it (no trust in other clocks); every write carries the resourceVersion read, so
/// two candidates never both win; the leader renews, and stops leading when it could not for the
/// renew deadline, before anyone else may take it. Released on shutdown so the other replica takes over at once.
/// </summary>
internal sealed class LeaseElector(Kubernetes client, LeaderElectionOptions options, TimeProvider time, ILogger<LeaseElector> logger)
{
    private V1Lease? _observed;
    private DateTimeOffset _observedAt;

    /// <summary>
    /// Runs <paramref name="lead"/> while this replica holds the Lease, its token cancelled when the Lease is
    /// lost or the host stops; competes again after a loss; releases the Lease when <paramref name="stoppingToken"/> fires.
    /// </summary>
    public async Task RunAsync(Func<CancellationToken, Task> lead, CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                await AcquireAsync(stoppingToken);
                LeaderElectionLog.Leading(logger, options.Namespace, LeaderElectionOptions.LeaseName, options.Identity);
                using (var leading = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken))
                {
                    var work = lead(leading.Token);
                    await HoldAsync(work, stoppingToken);
                    await leading.CancelAsync();
                    await work.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                }
                if (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                LeaderElectionLog.Lost(logger, options.Namespace, LeaderElectionOptions.LeaseName, options.Identity);
            }
        }
        finally
        {
            // However the stop came (mid-renewal included), the Lease is given up while it is this replica's.
            if (stoppingToken.IsCancellationRequested)
            {
                await ReleaseAsync();
            }
        }
    }

    private async Task AcquireAsync(CancellationToken stoppingToken)
    {
        while (!await TryAcquireOrRenewAsync(stoppingToken))
        {
            await Task.Delay(options.RetryPeriod, time, stoppingToken);
        }
    }

    /// <summary>Renews every retry period until <paramref name="work"/> ends, the host stops, or renewals failed for the renew deadline.</summary>
    private async Task HoldAsync(Task work, CancellationToken stoppingToken)
    {
        var renewed = time.GetUtcNow();
        while (!work.IsCompleted && !stoppingToken.IsCancellationRequested)
        {
            await Task.WhenAny(work, Task.Delay(options.RetryPeriod, time, stoppingToken));
            if (work.IsCompleted || stoppingToken.IsCancellationRequested)
            {
                return;
            }
            if (await TryAcquireOrRenewAsync(stoppingToken))
            {
                renewed = time.GetUtcNow();
            }
            // Held by another (taken over by hand, or recreated by it after a delete): two writers until the deadline otherwise.
            else if (HeldByAnother || time.GetUtcNow() - renewed >= options.RenewDeadline)
            {
                return;
            }
        }
    }

    private bool HeldByAnother => _observed?.Spec?.HolderIdentity is { Length: > 0 } holder && holder != options.Identity;

    private async Task<bool> TryAcquireOrRenewAsync(CancellationToken stoppingToken)
    {
        // One try may not outlast the renew deadline: a hung request must not keep a leader that lost the Lease.
        using var deadline = new CancellationTokenSource(options.RenewDeadline, time);
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, deadline.Token);
        var leases = client.CoordinationV1;
        try
        {
            var now = time.GetUtcNow();
            V1Lease lease;
            try
            {
                lease = await leases.ReadNamespacedLeaseAsync(LeaderElectionOptions.LeaseName, options.Namespace, cancellationToken: attempt.Token);
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
            {
                var created = new V1Lease
                {
                    ApiVersion = $"{V1Lease.KubeGroup}/{V1Lease.KubeApiVersion}",
                    Kind = V1Lease.KubeKind,
                    Metadata = new V1ObjectMeta { Name = LeaderElectionOptions.LeaseName, NamespaceProperty = options.Namespace },
                    Spec = Held(null, now),
                };
                Observe(await leases.CreateNamespacedLeaseAsync(created, options.Namespace, cancellationToken: attempt.Token), now);
                return true;
            }
            if (_observed?.Metadata.ResourceVersion != lease.Metadata.ResourceVersion)
            {
                Observe(lease, now);
            }
            var holder = lease.Spec?.HolderIdentity;
            var duration = lease.Spec?.LeaseDurationSeconds is > 0 and var seconds ? TimeSpan.FromSeconds(seconds) : options.LeaseDuration;
            if (!string.IsNullOrEmpty(holder) && holder != options.Identity && _observedAt + duration > now)
            {
                return false;
            }
            lease.Spec = Held(lease.Spec, now);
            // The server keeps them when an update has none; and KubernetesClient.Aot cannot write their FieldsV1.
            lease.Metadata.ManagedFields = null;
            Observe(await leases.ReplaceNamespacedLeaseAsync(lease, LeaderElectionOptions.LeaseName, options.Namespace, cancellationToken: attempt.Token), now);
            return true;
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict)
        {
            // Another candidate wrote first: it won this round.
            return false;
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            LeaderElectionLog.TryFailed(logger, options.Namespace, LeaderElectionOptions.LeaseName, "no answer within the renew deadline");
            return false;
        }
        catch (Exception e) when (ApiFailure.Is(e))
        {
            LeaderElectionLog.TryFailed(logger, options.Namespace, LeaderElectionOptions.LeaseName, e.Message);
            return false;
        }
    }

    /// <summary>Gives the Lease up, if this replica still holds it as last written: the holder emptied, the rest kept.</summary>
    private async Task ReleaseAsync()
    {
        if (_observed is not { Spec.HolderIdentity: var holder } lease || holder != options.Identity)
        {
            return;
        }
        using var deadline = new CancellationTokenSource(options.RenewDeadline, time);
        try
        {
            lease.Spec.HolderIdentity = null;
            lease.Metadata.ManagedFields = null;
            lease.Spec.RenewTime = time.GetUtcNow().UtcDateTime;
            await client.CoordinationV1.ReplaceNamespacedLeaseAsync(lease, LeaderElectionOptions.LeaseName, options.Namespace, cancellationToken: deadline.Token);
            LeaderElectionLog.Released(logger, options.Namespace, LeaderElectionOptions.LeaseName, options.Identity);
        }
        catch (Exception e) when (ApiFailure.Is(e) || e is OperationCanceledException)
        {
            // The Lease then expires on its own, one lease duration from now.
            LeaderElectionLog.TryFailed(logger, options.Namespace, LeaderElectionOptions.LeaseName, e.Message);
        }
    }

    private void Observe(V1Lease lease, DateTimeOffset at)
    {
        _observed = lease;
        _observedAt = at;
    }

    /// <summary>The Lease's spec held by this replica from now: its acquire time and transitions kept if it held it already.</summary>
    private V1LeaseSpec Held(V1LeaseSpec? previous, DateTimeOffset now)
    {
        var renewing = previous?.HolderIdentity == options.Identity;
        return new V1LeaseSpec
        {
            HolderIdentity = options.Identity,
            LeaseDurationSeconds = (int)Math.Ceiling(options.LeaseDuration.TotalSeconds),
            AcquireTime = renewing ? previous!.AcquireTime : now.UtcDateTime,
            RenewTime = now.UtcDateTime,
            LeaseTransitions = renewing ? previous!.LeaseTransitions : previous is null ? 0 : (previous.LeaseTransitions ?? 0) + 1,
        };
    }
}
