using System.Text.Json;
using StackBlaze.Webhook.Admission;

namespace StackBlaze.Webhook.Tests.Support;

/// <summary>Admission requests for tests, in the namespace of the test catalog.</summary>
internal static class Reviews
{
    public static AdmissionAttributes Pod(JsonElement? obj, string operation = "CREATE", string ns = Services.Namespace) =>
        new("uid-1", "", "Pod", operation, ns, null, obj, false);

    public static AdmissionAttributes Of(string group, string kind, JsonElement? obj, string operation = "CREATE") =>
        new("uid-1", group, kind, operation, Services.Namespace, "x", obj, false);

    public static AdmissionOutcome Review(AdmissionAttributes request) => new MutatingAdmission(Services.Shop).Review(request);
}
