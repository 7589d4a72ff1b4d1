using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace StackBlaze.Webhook.Tests.Support.FakeApiServer;

/// <summary>
/// One namespaced object at <c>/apis/GROUP/VERSION/namespaces/NS/PLURAL[/NAME]</c>: get, create,
/// update with its resourceVersion as precondition, server-side apply, delete; each failure the
/// Status the API server answers, each write noted on the resource.
/// </summary>
internal static class ObjectResponder
{
    public static Task GetAsync(HttpContext http, FakeResource resource, string ns, string name) =>
        resource.Get(ns, name) is { } json ? WriteAsync(http, 200, json) : ApiStatus.WriteAsync(http, NotFound(resource, name));

    /// <summary><c>POST</c>: 201 with the object, or 409 AlreadyExists.</summary>
    public static async Task CreateAsync(HttpContext http, FakeResource resource, string ns, TimeProvider time)
    {
        var obj = await ReadAsync(http, ns);
        var name = (string)obj["metadata"]!["name"]!;
        var stored = resource.Change<JsonObject?>(ns, name, current =>
        {
            if (current is not null)
            {
                return (null, null);
            }
            obj["metadata"]!["managedFields"] = new JsonArray(ServerSideApply.UpdateEntry(obj, FieldManager(http) ?? "unknown", time.GetUtcNow()));
            return (obj, obj);
        });
        if (stored is null)
        {
            await ApiStatus.WriteAsync(http, ApiStatus.Failure(409, "AlreadyExists", $"{resource.Kind.QualifiedName} \"{name}\" already exists"));
            return;
        }
        resource.NoteWrite(new ApiWrite("create", ns, name, User(http)));
        await WriteAsync(http, 201, stored);
    }

    /// <summary><c>PUT</c>: 200 with the object; 409 Conflict when its resourceVersion is not the stored one; 404 when there is none.</summary>
    public static async Task UpdateAsync(HttpContext http, FakeResource resource, string ns, string name)
    {
        var obj = await ReadAsync(http, ns);
        var (stored, status) = resource.Change<(JsonObject? Stored, JsonObject? Status)>(ns, name, current =>
        {
            if (current is null)
            {
                return (null, (null, NotFound(resource, name)));
            }
            var expected = (string?)obj["metadata"]!["resourceVersion"];
            if (expected is not null && expected != (string?)current["metadata"]!["resourceVersion"])
            {
                return (null, (null, ApiStatus.Failure(409, "Conflict",
                    $"Operation cannot be fulfilled on {resource.Kind.QualifiedName} \"{name}\": the object has been modified; please apply your changes to the latest version and try again")));
            }
            obj["metadata"]!["uid"] = current["metadata"]!["uid"]?.DeepClone();
            obj["metadata"]!["managedFields"] = current["metadata"]!["managedFields"]?.DeepClone();
            return (obj, (obj, null));
        });
        if (status is not null)
        {
            await ApiStatus.WriteAsync(http, status);
            return;
        }
        resource.NoteWrite(new ApiWrite("update", ns, name, User(http)));
        await WriteAsync(http, 200, stored!);
    }

    /// <summary>
    /// <c>PATCH</c> with <c>application/apply-patch+yaml</c> (JSON is YAML): 201 created or 200 applied;
    /// 400 without <c>fieldManager</c>, 409 on conflicting fields without <c>force=true</c>.
    /// </summary>
    public static async Task ApplyAsync(HttpContext http, FakeResource resource, string ns, string name, TimeProvider time)
    {
        if (http.Request.ContentType?.StartsWith("application/apply-patch+yaml", StringComparison.Ordinal) != true)
        {
            await ApiStatus.WriteAsync(http, ApiStatus.Failure(415, "UnsupportedMediaType",
                $"the body of the request was in an unknown format - accepted media types include: application/apply-patch+yaml (the fake serves apply only), not {http.Request.ContentType}"));
            return;
        }
        if (FieldManager(http) is not { Length: > 0 } manager)
        {
            await ApiStatus.WriteAsync(http, ApiStatus.Failure(400, "BadRequest", "PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch"));
            return;
        }
        var applied = await ReadAsync(http, ns);
        var force = http.Request.Query["force"] == "true";
        var (outcome, created) = resource.Change(ns, name, current =>
        {
            var outcome = ServerSideApply.Apply(current, applied, manager, force, time.GetUtcNow());
            return (outcome.Stored, (outcome, current is null));
        });
        if (outcome.Conflicts is [var first, ..] conflicts)
        {
            var message = conflicts.Count == 1
                ? $"Apply failed with 1 conflict: conflict with \"{first.Manager}\" using {resource.Kind.ApiVersion}: {first.Path}"
                : $"Apply failed with {conflicts.Count} conflicts: " + string.Join("\n", conflicts.GroupBy(c => c.Manager).Select(g =>
                    $"conflicts with \"{g.Key}\" using {resource.Kind.ApiVersion}:\n" + string.Join("\n", g.Select(c => $"- {c.Path}"))));
            await ApiStatus.WriteAsync(http, ApiStatus.Failure(409, "Conflict", message));
            return;
        }
        resource.NoteWrite(new ApiWrite("apply", ns, name, User(http)));
        await WriteAsync(http, created ? 201 : 200, outcome.Stored!);
    }

    /// <summary><c>DELETE</c>: 200 with a Success Status, or 404.</summary>
    public static async Task DeleteAsync(HttpContext http, FakeResource resource, string ns, string name)
    {
        if (!resource.Delete(ns, name))
        {
            await ApiStatus.WriteAsync(http, NotFound(resource, name));
            return;
        }
        resource.NoteWrite(new ApiWrite("delete", ns, name, User(http)));
        await ApiStatus.WriteAsync(http, ApiStatus.Deleted(name, resource.Kind));
    }

    public static JsonObject NotFound(FakeResource resource, string name) =>
        ApiStatus.Failure(404, "NotFound", $"{resource.Kind.QualifiedName} \"{name}\" not found");

    private static async Task<JsonObject> ReadAsync(HttpContext http, string ns)
    {
        var obj = (await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted))!.AsObject();
        obj["metadata"]!["namespace"] = ns;
        return obj;
    }

    private static string? FieldManager(HttpContext http) => http.Request.Query["fieldManager"].ToString() is { Length: > 0 } manager ? manager : null;

    private static string User(HttpContext http) => http.Request.Headers.Authorization.ToString().Replace("Bearer ", "", StringComparison.Ordinal);

    private static async Task WriteAsync(HttpContext http, int code, JsonObject obj)
    {
        http.Response.StatusCode = code;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(obj.ToJsonString(), http.RequestAborted);
    }

    private static async Task WriteAsync(HttpContext http, int code, byte[] json)
    {
        http.Response.StatusCode = code;
        http.Response.ContentType = "application/json";
        await http.Response.Body.WriteAsync(json, http.RequestAborted);
    }
}
