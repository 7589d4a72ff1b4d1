using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using StackBlaze.Webhook.Cluster;

namespace StackBlaze.Webhook.Tests.Cluster;

/// <summary>
/// The watch request and its answer read line by line, through a real KubernetesClient.Aot client,
/// against a plain HTTP server that answers what each test sets.
/// </summary>
public sealed class WatchStreamTests : IAsyncLifetime
{
    private const string Token = "t0ken";

    private WebApplication _server = null!;
    private int _status = StatusCodes.Status200OK;
    private string _body = "";

    /// <summary>Path and query of the last request, and its Authorization header.</summary>
    private (string Target, string Authorization) _seen;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _server = builder.Build();
        _server.Run(async http =>
        {
            _seen = (http.Request.Path + http.Request.QueryString, http.Request.Headers.Authorization.ToString());
            http.Response.StatusCode = _status;
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync(_body);
        });
        await _server.StartAsync();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Events_are_read_one_per_line_with_the_clients_address_and_credentials()
    {
        _body = Event("ADDED", "a", "11") + "\n" + Event("MODIFIED", "b", "12") + "\n\n" + Event("BOOKMARK", null, "13") + "\n" + Event("DELETED", "a", "14") + "\n";

        var (events, errors) = await ReadAsync(_server.Urls.Single());

        events.Select(e => (e.Type, (string?)e.Item.Metadata.Name, e.Item.Metadata.ResourceVersion)).Should().Equal(
            (WatchEventType.Added, (string?)"a", "11"),
            (WatchEventType.Modified, "b", "12"),
            (WatchEventType.Bookmark, null, "13"),
            (WatchEventType.Deleted, "a", "14"));
        errors.Should().BeEmpty();
        _seen.Target.Should().Be("/api/v1/services?watch=true&allowWatchBookmarks=true&resourceVersion=10&timeoutSeconds=300");
        _seen.Authorization.Should().Be($"Bearer {Token}");
    }

    [Fact]
    public async Task A_base_address_with_a_path_keeps_it()
    {
        _body = Event("ADDED", "a", "11") + "\n";

        var (events, _) = await ReadAsync(_server.Urls.Single() + "/clusters/c-1");

        events.Should().ContainSingle();
        _seen.Target.Should().StartWith("/clusters/c-1/api/v1/services?watch=true");
    }

    [Fact]
    public async Task A_line_that_is_not_an_event_ends_the_stream_after_the_events_before_it()
    {
        _body = Event("ADDED", "a", "11") + "\n{\"type\": \"ADDED\", \"object\": {\n" + Event("ADDED", "b", "13") + "\n";

        var (events, errors) = await ReadAsync(_server.Urls.Single());

        events.Select(e => e.Item.Metadata.Name).Should().Equal("a");
        errors.Should().ContainSingle().Which.Should().BeOfType<InvalidDataException>()
            .Which.Message.Should().StartWith("a watch event that is not valid JSON");
    }

    [Theory]
    [InlineData("{\"type\":\"SYNC\",\"object\":{}}", "a watch event of unknown type \"SYNC\"")]
    [InlineData("{\"type\":\"ADDED\"}", "a watch event without an object (type ADDED)")]
    [InlineData("[1]", "a watch event without an object (type missing)")]
    public async Task An_event_of_another_shape_ends_the_stream_with_an_error(string line, string message)
    {
        _body = line + "\n" + Event("ADDED", "b", "13") + "\n";

        var (events, errors) = await ReadAsync(_server.Urls.Single());

        events.Should().BeEmpty();
        errors.Should().ContainSingle().Which.Message.Should().Be(message);
    }

    [Fact]
    public async Task An_error_event_goes_to_onError_with_its_status()
    {
        _body = """{"type":"ERROR","object":{"kind":"Status","apiVersion":"v1","status":"Failure","message":"too old resource version: 10 (12)","reason":"Expired","code":410}}""" + "\n";

        var (events, errors) = await ReadAsync(_server.Urls.Single());

        events.Should().BeEmpty();
        errors.Should().ContainSingle().Which.Should().BeOfType<KubernetesException>()
            .Which.Status.Code.Should().Be(410);
    }

    [Fact]
    public async Task A_refused_watch_throws_with_the_answers_status_and_body()
    {
        _status = StatusCodes.Status410Gone;
        _body = """{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"Expired","code":410}""";

        var read = () => ReadAsync(_server.Urls.Single());

        var refused = (await read.Should().ThrowAsync<HttpOperationException>()).Which;
        refused.Response.StatusCode.Should().Be(HttpStatusCode.Gone);
        refused.Response.Content.Should().Contain("Expired");
    }

    private static string Event(string type, string? name, string resourceVersion) =>
        $$"""{"type":"{{type}}","object":{{KubernetesJson.Serialize(new V1Service { Metadata = new V1ObjectMeta { Name = name, ResourceVersion = resourceVersion } })}}}""";

    private static async Task<(List<(WatchEventType Type, V1Service Item)> Events, List<Exception> Errors)> ReadAsync(string host)
    {
        using var client = new Kubernetes(new KubernetesClientConfiguration { Host = host, AccessToken = Token });
        var events = new List<(WatchEventType, V1Service)>();
        var errors = new List<Exception>();
        await foreach (var item in WatchStream.ReadAsync<V1Service>(client, "api/v1/services", "10", 300, errors.Add, CancellationToken.None))
        {
            events.Add(item);
        }
        return (events, errors);
    }
}
