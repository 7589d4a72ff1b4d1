using StackBlaze.Webhook.Core.Admission;
using StackBlaze.Webhook.Core.JsonWriting;

namespace StackBlaze.Webhook.Admission;

/// <summary>
/// The one place that decides how answers are written:
/// a malformed review is a 400 (413 when too large) with a one-line reason, never a stack trace;
/// a review that was understood gets a 200 AdmissionReview, whether it allows or denies.
/// </summary>
internal static class HttpAnswers
{
    public static async Task WriteReviewAsync(HttpContext http, string uid, AdmissionOutcome outcome)
    {
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "application/json";
        using (var answer = new RentedBuffer())
        {
            AdmissionReviewWriter.Write(uid, outcome, answer);
            CopyToBody(http.Response, answer.WrittenSpan);
        }
        await http.Response.BodyWriter.FlushAsync(http.RequestAborted);
    }

    // With its length known up front, the answer goes out in one piece rather than chunked.
    private static void CopyToBody(HttpResponse response, ReadOnlySpan<byte> answer)
    {
        response.ContentLength = answer.Length;
        answer.CopyTo(response.BodyWriter.GetSpan(answer.Length));
        response.BodyWriter.Advance(answer.Length);
    }

    public static Task WriteErrorAsync(HttpContext http, int statusCode, string reason)
    {
        http.Response.StatusCode = statusCode;
        http.Response.ContentType = "text/plain; charset=utf-8";
        return http.Response.WriteAsync(OneLine(reason) + "\n", http.RequestAborted);
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
