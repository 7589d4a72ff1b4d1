using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Server;

/// <summary>
/// SIGTERM to <c>serve</c> while clients send on keep-alive connections, as the kubelet stops a
/// pod the API server is still calling: not ready at once, answering through the delay, then
/// every request that reached it answered, and exit 0.
/// </summary>
public sealed class GracefulShutdownTests
{
    private const int Clients = 4;

    [Fact]
    public async Task Sigterm_turns_readiness_off_keeps_answering_through_the_delay_and_answers_every_request_it_took()
    {
        using var certificates = await TestCertificates.CreateAsync();
        await using var server = ServerProcess.Start(
            "--catalog", "deploy/examples/shop", "--urls", "https://127.0.0.1:0", "--shutdown-delay", "2",
            "--tls-cert", certificates.CertFile, "--tls-key", certificates.KeyFile);
        var url = await server.WaitForListeningAsync();
        using var probe = certificates.CreateTrustingClient(url);
        var notReady = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var tallies = Enumerable.Range(0, Clients).Select(_ => new Tally()).ToArray();
        var senders = tallies.Select(tally => SendUntilRefusedAsync(certificates, url, tally, notReady.Task)).ToArray();
        await Task.WhenAll(tallies.Select(t => t.FirstAnswer.Task));

        await server.TerminateAsync();
        notReady.SetResult(await WaitUntilNotReadyAsync(probe));
        await Task.WhenAll(senders);
        var exitCode = await server.WaitForExitAsync(TimeSpan.FromSeconds(30));

        exitCode.Should().Be(0);
        tallies.SelectMany(t => t.Failures).Should().BeEmpty("every request the server read got a complete answer");
        tallies.Sum(t => t.AnsweredWhileNotReady).Should().BePositive("the server keeps answering during the shutdown delay");
        tallies.Should().OnlyContain(t => t.Refused >= 1, "each client ends on a refused new connection, counted apart");
        server.Lines.Should().Contain(l => l.Contains("\"EventId\":50,", StringComparison.Ordinal))
            .And.Contain(l => l.Contains("\"EventId\":51,", StringComparison.Ordinal));
    }

    private sealed class Tally
    {
        public TaskCompletionSource FirstAnswer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Answered { get; set; }

        public int AnsweredWhileNotReady { get; set; }

        public int Refused { get; set; }

        public ConcurrentQueue<string> Failures { get; } = new();
    }

    /// <summary>One client, one keep-alive connection, requests back to back until a new connection is refused.</summary>
    private static async Task SendUntilRefusedAsync(TestCertificates certificates, Uri url, Tally tally, Task<long> notReady)
    {
        using var client = certificates.CreateTrustingClient(url);
        var review = Reviews.Load("frontend-pod-create.json").ToJsonString();
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (tally.Refused == 0 && !bound.IsCancellationRequested)
        {
            try
            {
                using var answer = await client.PostAsync("/mutate", Reviews.Json(review), bound.Token);
                var response = await answer.ReadResponseAsync();
                if (response.DecodedPatch().AsArray().Count != 7)
                {
                    tally.Failures.Enqueue($"incomplete answer: {response.ToJsonString()}");
                }
                tally.Answered++;
                tally.FirstAnswer.TrySetResult();
                if (notReady.IsCompleted)
                {
                    tally.AnsweredWhileNotReady++;
                }
            }
            catch (HttpRequestException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
            {
                tally.Refused++;
            }
            catch (HttpRequestException e) when (notReady.IsCompleted
                && e.HttpRequestError is HttpRequestError.SecureConnectionError or HttpRequestError.ConnectionError or HttpRequestError.ResponseEnded)
            {
                // Not ready, every answer closes its connection, so this was a new connection that the stop cut in its
                // handshake, or written to in the instant the listener stopped and never read: a refusal in all but name.
                tally.Refused++;
            }
            catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException)
            {
                tally.Failures.Enqueue($"{e.GetType().Name}: {e.Message} {e.InnerException?.Message}");
                return;
            }
        }
    }

    private static async Task<long> WaitUntilNotReadyAsync(HttpClient probe)
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var ready = await probe.GetAsync("/readyz", bound.Token);
            if (ready.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                return DateTime.UtcNow.Ticks;
            }
            await Task.Delay(20, bound.Token);
        }
    }
}
