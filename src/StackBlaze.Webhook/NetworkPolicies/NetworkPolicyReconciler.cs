using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using StackBlaze.Webhook.Cluster;
using StackBlaze.Webhook.Core.Catalog;
using StackBlaze.Webhook.Core.Limits;
using StackBlaze.Webhook.Logging;
using StackBlaze.Webhook.Observability;

namespace StackBlaze.Webhook.NetworkPolicies;

/// <summary>
/// Keeps the cluster's NetworkPolicies what the links of opted-in projects ask for. Only the leader
/// writes, once the catalog has synced; a round when the catalog changed (looked at every
/// <see cref="NetworkPolicyTimings.Debounce"/>) or a resync is due: the desired policies, one list of
/// the webhook's own, then one write at a time for what differs. A policy it does not own is never written or deleted.
/// </summary>
internal sealed class NetworkPolicyReconciler(
    Kubernetes client,
    LiveProjectCatalog catalog,
    IDesiredPolicies desired,
    LeaseElector elector,
    NetworkPolicyTimings timings,
    WebhookMetrics metrics,
    ILogger<NetworkPolicyReconciler> logger,
    TimeProvider time) : BackgroundService
{
    /// <summary>A page of the webhook's own policies; they are small.</summary>
    public const int PageSize = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // Desired policies computed from a half-listed catalog would delete the rest's.
            while (!catalog.IsSynced)
            {
                await Task.Delay(timings.Debounce, time, stoppingToken);
            }
            await elector.RunAsync(LeadAsync, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
#pragma warning disable CA1031 // A fault here must not stop the host: admission goes on, and the Lease expires for another replica.
        catch (Exception e)
#pragma warning restore CA1031
        {
            NetworkPolicyLog.Faulted(logger, e);
        }
    }

    private async Task LeadAsync(CancellationToken leading)
    {
        var backoff = Backoff.Default(time);
        var failures = 0;
        long? reconciled = null;
        var lastRound = time.GetTimestamp();
        try
        {
            while (true)
            {
                var version = desired.Version;
                if (version != reconciled || time.GetElapsedTime(lastRound) >= timings.Resync)
                {
                    try
                    {
                        await ReconcileAsync(leading);
                        reconciled = version;
                        lastRound = time.GetTimestamp();
                        failures = 0;
                        backoff.Reset();
                    }
#pragma warning disable CA1031 // Whatever failed the round (an answer that is not JSON, a request timed out), the next one backs off; only losing the Lease ends leading.
                    catch (Exception e) when (!leading.IsCancellationRequested)
#pragma warning restore CA1031
                    {
                        metrics.NetworkPolicyRoundFailures.Inc();
                        NetworkPolicyLog.RoundFailed(logger, ++failures, BoundedText.Warning(e.Message));
                        await backoff.WaitAsync(leading);
                        continue;
                    }
                }
                await Task.Delay(timings.Debounce, time, leading);
            }
        }
        catch (OperationCanceledException) when (leading.IsCancellationRequested)
        {
            // Leadership lost or the host stopping: the next leader goes on from the cluster's state.
        }
    }

    private async Task ReconcileAsync(CancellationToken cancellationToken)
    {
        var wanted = desired.Compute();
        var actual = await ListOwnAsync(cancellationToken);
        foreach (var policy in wanted)
        {
            var key = Key(policy);
            if (actual.TryGetValue(key, out var existing))
            {
                if (!ManagedPolicy.IsOwned(existing))
                {
                    NetworkPolicyLog.NotOwned(logger, policy.Metadata.NamespaceProperty, policy.Metadata.Name);
                    continue;
                }
                if (ManagedPolicy.IsUpToDate(existing, policy))
                {
                    continue;
                }
            }
            else if (await ExistsAsync(policy, cancellationToken))
            {
                // A policy of that name without the webhook's label: someone else's.
                NetworkPolicyLog.NotOwned(logger, policy.Metadata.NamespaceProperty, policy.Metadata.Name);
                continue;
            }
            // Forced over a policy of its own, so that an edit by hand (another field manager's) is
            // undone at the next round rather than refused at every one; never when creating.
            await ApplyAsync(policy, force: actual.ContainsKey(key), cancellationToken);
        }
        var keep = wanted.Select(Key).ToHashSet();
        foreach (var (key, existing) in actual)
        {
            if (!keep.Contains(key) && ManagedPolicy.IsOwned(existing))
            {
                await DeleteAsync(existing, cancellationToken);
            }
        }
    }

    /// <summary>Every policy labelled as the webhook's, cluster-wide, by namespace and name.</summary>
    private async Task<Dictionary<(string, string), V1NetworkPolicy>> ListOwnAsync(CancellationToken cancellationToken)
    {
        var found = new Dictionary<(string, string), V1NetworkPolicy>();
        string? token = null;
        do
        {
            var page = await client.NetworkingV1.ListNetworkPolicyForAllNamespacesAsync(
                continueParameter: token, labelSelector: ManagedPolicy.Selector, limit: PageSize, cancellationToken: cancellationToken);
            foreach (var policy in page.Items)
            {
                found[Key(policy)] = policy;
            }
            token = page.Metadata?.ContinueProperty;
        }
        while (!string.IsNullOrEmpty(token));
        return found;
    }

    private async Task<bool> ExistsAsync(V1NetworkPolicy policy, CancellationToken cancellationToken)
    {
        try
        {
            await client.NetworkingV1.ReadNamespacedNetworkPolicyAsync(policy.Metadata.Name, policy.Metadata.NamespaceProperty, cancellationToken: cancellationToken);
            return true;
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    private async Task ApplyAsync(V1NetworkPolicy policy, bool force, CancellationToken cancellationToken)
    {
        var (ns, name) = Key(policy);
        var body = new V1Patch(KubernetesJson.Serialize(policy), V1Patch.PatchType.ApplyPatch);
        if (await RefusedAsync("apply", ns, name, () => client.NetworkingV1.PatchNamespacedNetworkPolicyAsync(
            body, name, ns, fieldManager: ManagedPolicy.FieldManager, force: force, cancellationToken: cancellationToken)))
        {
            return;
        }
        metrics.NetworkPolicyWrites.WithLabels("apply").Inc();
        NetworkPolicyLog.Applied(logger, ns, name);
    }

    private async Task DeleteAsync(V1NetworkPolicy policy, CancellationToken cancellationToken)
    {
        var (ns, name) = Key(policy);
        // Only the object listed: if someone changed it since, it may no longer be the webhook's.
        var precondition = new V1DeleteOptions { Preconditions = new V1Preconditions { ResourceVersion = policy.Metadata.ResourceVersion } };
        if (await RefusedAsync("delete", ns, name, () => client.NetworkingV1.DeleteNamespacedNetworkPolicyAsync(
            name, ns, precondition, cancellationToken: cancellationToken)))
        {
            return;
        }
        metrics.NetworkPolicyWrites.WithLabels("delete").Inc();
        NetworkPolicyLog.Deleted(logger, ns, name);
    }

    /// <summary>
    /// Makes the write; true when the API server refused it for this object (a conflict with another
    /// field manager, an invalid object, a gone namespace): logged, not retried until the next round.
    /// Failures of the server or the network are the round's, and back off.
    /// </summary>
    private async Task<bool> RefusedAsync(string operation, string ns, string name, Func<Task> write)
    {
        try
        {
            await write();
            return false;
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound && operation == "delete")
        {
            // Gone already, with its namespace perhaps.
            return true;
        }
        catch (HttpOperationException e) when ((int)e.Response.StatusCode is >= 400 and < 500 and not 429)
        {
            metrics.NetworkPolicyRefusals.WithLabels(operation).Inc();
            NetworkPolicyLog.Refused(logger, operation, ns, name, (int)e.Response.StatusCode, BoundedText.Warning(ApiFailure.StatusMessage(e) ?? e.Message));
            return true;
        }
    }

    private static (string Namespace, string Name) Key(V1NetworkPolicy policy) => (policy.Metadata.NamespaceProperty, policy.Metadata.Name);
}
