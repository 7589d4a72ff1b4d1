using StackBlaze.Webhook.Patches;

namespace StackBlaze.Webhook.Admission;

/// <summary>Maps the wire format to the domain's request and the domain's outcome back to the wire.</summary>
internal static class AdmissionReviewMapper
{
    /// <summary>The request's attributes, or null and the reason the review is malformed.</summary>
    public static AdmissionAttributes? ToAttributes(AdmissionReview? review, out string? error)
    {
        error = review switch
        {
            null => "the body is not an AdmissionReview",
            { Kind: not AdmissionReview.ReviewKind } => $"kind must be {AdmissionReview.ReviewKind}",
            { ApiVersion: not AdmissionReview.V1 } => $"apiVersion must be {AdmissionReview.V1}, not \"{review.ApiVersion}\"",
            { Request: null } => "the review has no request",
            { Request.Uid: null or "" } => "request.uid is missing",
            // A null kind matches no property pattern below it: it must be named, or it passes as valid.
            { Request.Kind: null } or { Request.Kind.Kind: null or "" } => "request.kind is missing",
            { Request.Operation: null or "" } => "request.operation is missing",
            { Request.Object: { } obj } when !UnicodeText.IsValid(obj) => "request.object holds a string that is not valid Unicode",
            { Request.OldObject: { } old } when !UnicodeText.IsValid(old) => "request.oldObject holds a string that is not valid Unicode",
            _ => null,
        };
        if (error is not null)
        {
            return null;
        }

        var request = review!.Request!;
        return new AdmissionAttributes(
            request.Uid!,
            request.Kind!.Group ?? "",
            request.Kind.Kind!,
            request.Operation!,
            request.Namespace ?? "",
            request.Name,
            request.Object,
            request.DryRun ?? false,
            request.OldObject);
    }

    public static AdmissionReview ToReview(string uid, AdmissionOutcome outcome) => new()
    {
        ApiVersion = AdmissionReview.V1,
        Kind = AdmissionReview.ReviewKind,
        Response = new AdmissionResponse
        {
            Uid = uid,
            Allowed = outcome.Allowed,
            Status = outcome.StatusCode is { } code ? new AdmissionStatus { Code = code, Message = outcome.Message ?? "" } : null,
            Patch = outcome.Patch.Count > 0 ? JsonPatchWriter.ToUtf8Bytes(outcome.Patch) : null,
            PatchType = outcome.Patch.Count > 0 ? AdmissionResponse.JsonPatch : null,
            Warnings = outcome.Warnings.Count > 0 ? outcome.Warnings : null,
            AuditAnnotations = AuditAnnotations.From(outcome),
        },
    };
}
