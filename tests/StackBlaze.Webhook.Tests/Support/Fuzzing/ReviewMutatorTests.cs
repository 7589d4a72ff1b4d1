using System.Security.Cryptography;

namespace StackBlaze.Webhook.Tests.Support.Fuzzing;

/// <summary>A hostile case is the same bytes in every process, so the number a failure prints replays it.</summary>
public sealed class ReviewMutatorTests
{
    private static readonly string[] Fixtures = ["""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u","kind":{"group":"","version":"v1","kind":"Pod"},"operation":"CREATE","object":{"metadata":{"annotations":{"stackblaze.io/links":"backend"}},"spec":{"containers":[{"name":"app"}]}}}}"""];

    [Fact]
    public void A_case_is_the_same_bytes_in_every_process()
    {
        var body = new ReviewMutator(20_260_701, Fixtures).Create(7).Body;

        // Pinned from one run: a seed salted per process (HashCode.Combine) gives other bytes in the next.
        Convert.ToHexString(SHA256.HashData(body))[..16].Should().Be(PinnedCase7);
    }

    [Fact]
    public void A_case_is_the_same_bytes_whatever_came_before_it()
    {
        var mutator = new ReviewMutator(1, Fixtures);
        var alone = new ReviewMutator(1, Fixtures).Create(42).Body;

        foreach (var earlier in Enumerable.Range(0, 42))
        {
            mutator.Create(earlier);
        }

        mutator.Create(42).Body.Should().Equal(alone);
    }

    private const string PinnedCase7 = "9346ECF4FE6E1F34";
}
