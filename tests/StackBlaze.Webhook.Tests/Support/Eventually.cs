using System.Diagnostics;
using Xunit.Sdk;

namespace StackBlaze.Webhook.Tests.Support;

/// <summary>
/// Bounded waits for what happens in the background (a watch event reaching the catalog): poll
/// until it holds, fail with the last thing seen if it does not within the bound. Never a timed assertion.
/// </summary>
internal static class Eventually
{
    /// <summary>Long enough on a loaded CI machine for what takes milliseconds on a quiet one.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    /// <summary>Probes until <paramref name="accept"/> takes the result; returns it and how long that took.</summary>
    public static async Task<(T Result, TimeSpan Elapsed)> ProbeAsync<T>(
        Func<Task<T>> probe, Func<T, bool> accept, string what, TimeSpan? within = null)
    {
        var bound = within ?? Bound;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var result = await probe();
            if (accept(result))
            {
                return (result, clock.Elapsed);
            }
            if (clock.Elapsed > bound)
            {
                throw new XunitException($"{what}: not so within {bound.TotalSeconds:0} s; last seen: {result}");
            }
            await Task.Delay(20);
        }
    }

    public static async Task<TimeSpan> HoldsAsync(Func<bool> condition, string what, TimeSpan? within = null) =>
        (await ProbeAsync(() => Task.FromResult(condition()), ok => ok, what, within)).Elapsed;
}
