using System.Text.Json;
using System.Text.Json.Nodes;
using StackBlaze.Webhook.Admission;

namespace StackBlaze.Webhook.Tests.Support;

/// <summary>Runs an object through the webhook's real decision path, as a CREATE in the shop namespace.</summary>
internal static class Admit
{
    public static AdmissionOutcome Create(JsonNode obj)
    {
        var apiVersion = (string?)obj["apiVersion"] ?? "";
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        var request = new AdmissionAttributes(
            Uid: "0e2a5b8c-patch-test",
            Group: slash < 0 ? "" : apiVersion[..slash],
            Kind: (string?)obj["kind"] ?? "",
            Operation: "CREATE",
            Namespace: ShopCatalog.Namespace,
            Name: (string?)obj["metadata"]?["name"],
            ObjectJson: JsonSerializer.SerializeToElement(obj),
            DryRun: false);
        return new MutatingAdmission(ShopCatalog.Create()).Review(request);
    }
}
