using System.Text.Json;
using System.Text.Json.Nodes;
using StackBlaze.Webhook.Core.Admission;

namespace StackBlaze.Webhook.Tests.Support;

/// <summary>Admission requests for tests, in the namespace of the test catalog.</summary>
internal static class Reviews
{
    public static AdmissionAttributes Pod(JsonElement? obj, Operation operation = Operation.Create, string ns = Services.Namespace, string? user = null) =>
        new("uid-1", "", "Pod", operation, ns, null, obj, false, UserName: user);

    public static AdmissionAttributes Of(string group, string kind, JsonElement? obj, Operation operation = Operation.Create) =>
        new("uid-1", group, kind, operation, Services.Namespace, "x", obj, false);

    public static AdmissionVerdict Review(AdmissionAttributes request) => new MutatingAdmission(Services.Shop).Review(request);

    /// <summary>Runs an object through the webhook's real decision path, as a CREATE of its own kind.</summary>
    public static AdmissionVerdict Create(JsonNode obj)
    {
        var apiVersion = (string?)obj["apiVersion"] ?? "";
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        var group = slash < 0 ? "" : apiVersion[..slash];
        return Review(Of(group, (string?)obj["kind"] ?? "", JsonSerializer.SerializeToElement(obj)));
    }
}
