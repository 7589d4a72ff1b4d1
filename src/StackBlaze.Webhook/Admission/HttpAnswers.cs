using System.Text.Json;

namespace StackBlaze.Webhook.Admission;

/// <summary>
/// The one place that decides how answers are written:
/// a malformed review is a 400 (413 when too large) with a one-line reason, never a stack trace;
/// a review that was understood gets a 200 AdmissionReview, whether it allows or denies.
/// </summary>
internal static class HttpAnswers
{
    public static Task WriteReviewAsync(HttpContext http, AdmissionReview review)
    {
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(http.Response.Body, review, AdmissionJsonContext.Default.AdmissionReview, http.RequestAborted);
    }

    public static Task WriteErrorAsync(HttpContext http, int statusCode, string reason)
    {
        http.Response.StatusCode = statusCode;
        http.Response.ContentType = "text/plain; charset=utf-8";
        return http.Response.WriteAsync(OneLine(reason) + "\n", http.RequestAborted);
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
