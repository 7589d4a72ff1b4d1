using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace StackBlaze.Webhook.Tests.Support.FakeApiServer;

/// <summary>
/// <c>GET /api/v1/services?limit=500&amp;continue=...</c>: a list with its kind, apiVersion and
/// resourceVersion, paged as the API server pages (every page carries the first page's version).
/// </summary>
internal static class ListResponder
{
    public static async Task ServeAsync(HttpContext http, FakeResource resource, string? ns)
    {
        var query = http.Request.Query;
        var limit = int.TryParse(query["limit"], CultureInfo.InvariantCulture, out var l) ? l : (int?)null;
        long? snapshot = null;
        var offset = 0;
        if (query["continue"].ToString() is { Length: > 0 } token)
        {
            var parts = token.Split(':');
            snapshot = long.Parse(parts[0], CultureInfo.InvariantCulture);
            offset = int.Parse(parts[1], CultureInfo.InvariantCulture);
        }
        var page = resource.Page(ns, snapshot, offset, limit);
        // Filtered after the page is cut, so a page may hold fewer than the limit, as the API server allows.
        var selector = query["labelSelector"].ToString();
        await Task.Delay(resource.ListDelay, http.RequestAborted);

        http.Response.ContentType = "application/json";
        await using (var json = new Utf8JsonWriter(http.Response.BodyWriter))
        {
            json.WriteStartObject();
            json.WriteString("kind", page.Kind.Kind + "List");
            json.WriteString("apiVersion", page.Kind.ApiVersion);
            json.WriteStartObject("metadata");
            json.WriteString("resourceVersion", page.ResourceVersion.ToString(CultureInfo.InvariantCulture));
            if (page.NextOffset is { } next)
            {
                json.WriteString("continue", $"{page.ResourceVersion}:{next}");
            }
            json.WriteEndObject();
            json.WriteStartArray("items");
            foreach (var item in page.Items.Where(item => LabelSelector.Matches(item, selector)))
            {
                json.WriteRawValue(item, skipInputValidation: true);
                // Keep what is buffered small: a page of generated objects never sits in memory whole.
                if (json.BytesPending > 64 * 1024)
                {
                    await json.FlushAsync(http.RequestAborted);
                }
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        await http.Response.BodyWriter.FlushAsync(http.RequestAborted);
        resource.NoteListAnswered();
    }
}
