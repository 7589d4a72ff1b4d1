using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace StackBlaze.Webhook.Tests.Support.FakeApiServer;

/// <summary>The <c>Status</c> object the API server answers failures with, in a body or in an ERROR event.</summary>
internal static class ApiStatus
{
    public static JsonObject Failure(int code, string reason, string message) => new()
    {
        ["kind"] = "Status",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject(),
        ["status"] = "Failure",
        ["message"] = message,
        ["reason"] = reason,
        ["code"] = code,
    };

    /// <summary>What a delete answers: the object is gone.</summary>
    public static JsonObject Deleted(string name, ResourceKind kind) => new()
    {
        ["kind"] = "Status",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject(),
        ["status"] = "Success",
        ["details"] = new JsonObject { ["name"] = name, ["group"] = kind.ApiVersion.Split('/')[0], ["kind"] = kind.Plural },
        ["code"] = 200,
    };

    public static JsonObject Gone(long requested, long oldest) =>
        Failure(410, "Expired", $"too old resource version: {requested} ({oldest})");

    public static async Task WriteAsync(HttpContext http, JsonObject status)
    {
        http.Response.StatusCode = status["code"]!.GetValue<int>();
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(status.ToJsonString(), http.RequestAborted);
    }
}
