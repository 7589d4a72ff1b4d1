using System.Collections.Immutable;
using StackBlaze.Webhook.Core.Catalog;
using static StackBlaze.Webhook.Tests.Support.Services;

namespace StackBlaze.Webhook.Tests.Catalog;

/// <summary>
/// The public-route table is rebuilt by readers while the watches write: a change that lands
/// during a rebuild must never be lost to a table built without it.
/// </summary>
public class PublicRouteFreshnessTests
{
    private const int Changes = 150;

    [Fact]
    public async Task No_change_of_a_public_host_is_lost_while_readers_rebuild_the_table()
    {
        var catalog = new LiveProjectCatalog();
        // Many public Services make each rebuild long, so readers are often in one when a change lands.
        for (var i = 0; i < 1500; i++)
        {
            catalog.Upsert(Http($"svc{i}") with { PublicUrls = $"https://svc{i}.example.com" });
        }
        // The Ingress's backend, there before any of its changes.
        catalog.Upsert(Http("backend"));
        long lookups = 0;
        using var stop = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                catalog.FindPublicRoute("shop", "nowhere.example.com", "/");
                Interlocked.Increment(ref lookups);
            }
        })).ToArray();

        var serviceMisses = Task.Run(() => CountMisses(i =>
        {
            catalog.Upsert(Http("backend") with { PublicUrls = $"https://api{i}.example.com" });
            return $"api{i}.example.com";
        }));
        var ingressMisses = Task.Run(() => CountMisses(i =>
        {
            catalog.Upsert(new IngressEntry("shop", "web", [new IngressPath($"www{i}.example.com", "/", "backend", null)], ImmutableArray<string>.Empty));
            return $"www{i}.example.com";
        }));
        int[] misses = [await serviceMisses, await ingressMisses];
        await stop.CancelAsync();
        await Task.WhenAll(readers);

        misses.Should().Equal([0, 0], "every change must be visible once the readers that were building when it landed are done");

        int CountMisses(Func<int, string> change)
        {
            var missed = 0;
            for (var i = 0; i < Changes; i++)
            {
                var host = change(i);
                // Let the readers finish the lookups that were under way when the change landed, and start new ones.
                var seen = Interlocked.Read(ref lookups);
                SpinWait.SpinUntil(() => Interlocked.Read(ref lookups) >= seen + 4, TimeSpan.FromSeconds(5));
                if (catalog.FindPublicRoute("shop", host, "/") is null)
                {
                    missed++;
                }
            }
            return missed;
        }
    }
}
