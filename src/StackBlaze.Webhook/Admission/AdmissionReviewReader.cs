using System.Text.Json;
using StackBlaze.Webhook.Core.Admission;

namespace StackBlaze.Webhook.Admission;

/// <summary>
/// Reads what the webhook needs of an AdmissionReview (admission.k8s.io/v1; KubernetesClient has
/// no admission types) straight from the parsed body. The objects stay views into the body's
/// document, never copies: a pod is most of the body, and copying it was most of a review's cost.
/// </summary>
internal static class AdmissionReviewReader
{
    public const string V1 = "admission.k8s.io/v1";
    public const string ReviewKind = "AdmissionReview";

    /// <summary>A review that says two things for one field, anywhere, is malformed, not last-one-wins.</summary>
    public static JsonDocumentOptions DocumentOptions { get; } = new() { AllowDuplicateProperties = false };

    /// <summary>
    /// The request's attributes, or null and the reason the review is malformed. The attributes'
    /// objects belong to <paramref name="review"/>'s document and live as long as it does (see <see cref="AdmissionAttributes"/>).
    /// </summary>
    public static AdmissionAttributes? Read(JsonElement review, out string? error)
    {
        try
        {
            return Validate(review, out error);
        }
        catch (MalformedReviewException e)
        {
            error = $"not a valid AdmissionReview: {e.Message}";
            return null;
        }
    }

    private static AdmissionAttributes? Validate(JsonElement review, out string? error)
    {
        error = null;
        if (review.ValueKind == JsonValueKind.Null)
        {
            error = "the body is not an AdmissionReview";
            return null;
        }
        var root = Object(review, "the body");
        var apiVersion = String(root, "apiVersion");
        var request = OptionalObject(root, "request");
        if (String(root, "kind") != ReviewKind)
        {
            error = $"kind must be {ReviewKind}";
        }
        else if (apiVersion != V1)
        {
            error = $"apiVersion must be {V1}, not \"{apiVersion}\"";
        }
        else if (request is not { } fields)
        {
            error = "the review has no request";
        }
        else
        {
            return Request(fields, out error);
        }
        return null;
    }

    private static AdmissionAttributes? Request(JsonElement request, out string? error)
    {
        var uid = String(request, "uid");
        var kind = OptionalObject(request, "kind");
        var objectKind = kind is { } k ? String(k, "kind") : null;
        var operation = String(request, "operation");
        var obj = Any(request, "object");
        var old = Any(request, "oldObject");
        error = string.IsNullOrEmpty(uid) ? "request.uid is missing"
            : string.IsNullOrEmpty(objectKind) ? "request.kind is missing"
            : string.IsNullOrEmpty(operation) ? "request.operation is missing"
            : obj is { } o && !UnicodeText.IsValid(o) ? "request.object holds a string that is not valid Unicode"
            : old is { } p && !UnicodeText.IsValid(p) ? "request.oldObject holds a string that is not valid Unicode"
            : null;
        return error is not null ? null : new AdmissionAttributes(
            uid!,
            String(kind!.Value, "group") ?? "",
            objectKind!,
            ParseOperation(operation!),
            String(request, "namespace") ?? "",
            String(request, "name"),
            obj,
            Boolean(request, "dryRun") ?? false,
            old,
            OptionalObject(request, "userInfo") is { } user ? String(user, "username") : null,
            SubResource: String(request, "subResource") ?? "");
    }

    /// <summary>The operation by the name the API server gives it; any other name is <see cref="Operation.Other"/>, which no webhook reviews.</summary>
    public static Operation ParseOperation(string operation) => operation switch
    {
        "CREATE" => Operation.Create,
        "UPDATE" => Operation.Update,
        "DELETE" => Operation.Delete,
        "CONNECT" => Operation.Connect,
        _ => Operation.Other,
    };

    private static JsonElement Object(JsonElement value, string name) =>
        value.ValueKind == JsonValueKind.Object ? value : throw new MalformedReviewException($"{name} must be an object, not {Describe(value)}");

    private static JsonElement? OptionalObject(JsonElement parent, string name) =>
        Any(parent, name) is { } value ? Object(value, name) : null;

    /// <summary>A field's value; null when it is missing or JSON null.</summary>
    private static JsonElement? Any(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static string? String(JsonElement parent, string name)
    {
        if (Any(parent, name) is not { } value)
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            throw new MalformedReviewException($"{name} must be a string, not {Describe(value)}");
        }
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            // What System.Text.Json throws for bad UTF-8 or half a surrogate pair.
            throw new MalformedReviewException($"{name} is not valid Unicode");
        }
    }

    private static bool? Boolean(JsonElement parent, string name) => Any(parent, name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        { } value => throw new MalformedReviewException($"{name} must be true or false, not {Describe(value)}"),
    };

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        _ => "a boolean",
    };

    private sealed class MalformedReviewException(string message) : Exception(message);
}
