using System.Text.Json;

namespace StackBlaze.Webhook.Admission;

// The AdmissionReview admission.k8s.io/v1 wire format, as much of it as the webhook reads or writes.
// KubernetesClient has no admission types; these are mapped to AdmissionAttributes at the edge.

internal sealed class AdmissionReview
{
    public const string V1 = "admission.k8s.io/v1";
    public const string ReviewKind = "AdmissionReview";

    public string? ApiVersion { get; set; }
    public string? Kind { get; set; }
    public AdmissionRequest? Request { get; set; }
    public AdmissionResponse? Response { get; set; }
}

internal sealed class AdmissionRequest
{
    public string? Uid { get; set; }
    public GroupVersionKind? Kind { get; set; }
    public string? Name { get; set; }
    public string? Namespace { get; set; }
    public string? Operation { get; set; }
    public JsonElement? Object { get; set; }
    public JsonElement? OldObject { get; set; }
    public bool? DryRun { get; set; }
}

internal sealed class GroupVersionKind
{
    public string? Group { get; set; }
    public string? Version { get; set; }
    public string? Kind { get; set; }
}

internal sealed class AdmissionResponse
{
    public const string JsonPatch = "JSONPatch";

    public required string Uid { get; init; }
    public required bool Allowed { get; init; }
    public AdmissionStatus? Status { get; init; }
    public byte[]? Patch { get; init; }
    public string? PatchType { get; init; }
    public IReadOnlyList<string>? Warnings { get; init; }
    public IReadOnlyDictionary<string, string>? AuditAnnotations { get; init; }
}

internal sealed class AdmissionStatus
{
    public required int Code { get; init; }
    public required string Message { get; init; }
}
