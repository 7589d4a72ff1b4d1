using System.Net.Http.Headers;

namespace StackBlaze.Webhook.Benchmarks;

/// <summary>The tests' fixture reviews, read from the repository, and how the harness posts a review.</summary>
internal static class BenchReviews
{
    /// <summary>tests/StackBlaze.Webhook.Tests/Fixtures/Reviews, where the contract tests' reviews are.</summary>
    public static string Folder(string repository) => Path.Combine(repository, "tests", "StackBlaze.Webhook.Tests", "Fixtures", "Reviews");

    public static string Load(string repository, string name) => File.ReadAllText(Path.Combine(Folder(repository), name));

    /// <summary>A body as the API server sends one: application/json, and Expect: 100-continue past 1 MiB so a refusal need not wait for it.</summary>
    public static HttpRequestMessage Post(string path, byte[] body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.ExpectContinue = body.Length > 1024 * 1024;
        return request;
    }
}
