using System.Text.Json.Nodes;

namespace StackBlaze.Webhook.Tests.Support;

/// <summary>Reading admission answers about links: the variables a pod was given, or why it was refused.</summary>
internal static class LinkAnswers
{
    /// <summary>A pod in <paramref name="ns"/> whose only link is <paramref name="links"/>.</summary>
    public static JsonObject PodLinking(string links, string ns = "shop")
    {
        var review = Reviews.Load("frontend-pod-create.json");
        review.PodAnnotations()["stackblaze.io/links"] = links;
        review.Request()["namespace"] = ns;
        return review;
    }

    /// <summary>The value injected for a variable, or null when the answer injects none of that name.</summary>
    public static string? Injected(this JsonObject response, string variable) =>
        response["patch"] is null
            ? null
            : response.DecodedPatch().AsArray()
                .Select(op => op!["value"] as JsonObject)
                .FirstOrDefault(value => value?["name"]?.GetValue<string>() == variable)?["value"]?.GetValue<string>();

    public static int? StatusCode(this JsonObject response) => response["status"]?["code"]?.GetValue<int>();

    public static string? StatusMessage(this JsonObject response) => response["status"]?["message"]?.GetValue<string>();

    public static bool Allowed(this JsonObject response) => response["allowed"]!.GetValue<bool>();

    public static IReadOnlyList<string> Warnings(this JsonObject response) =>
        response["warnings"]?.AsArray().Select(w => w!.GetValue<string>()).ToArray() ?? [];
}
