using System.Text.Json;
using StackBlaze.Webhook.Core.Admission;
using StackBlaze.Webhook.Core.Limits;
using StackBlaze.Webhook.Logging;

namespace StackBlaze.Webhook.Admission;

/// <summary>Reads an AdmissionReview, has the domain decide, and answers; the same for every webhook path.</summary>
/// <param name="logger">Where denials, warnings and faults go.</param>
/// <param name="maxConcurrentReviews">
/// Reviews parsed and decided at once; the others wait their turn. Each is bounded, and this bounds
/// them together: however many connections send 3 MiB reviews, only this many documents and
/// decisions are in memory at once. A body is read before its turn and the answer written after
/// it, so a client that sends or reads slowly holds its own connection, never a turn.
/// </param>
internal sealed class AdmissionEndpoint(ILogger<AdmissionEndpoint> logger, int maxConcurrentReviews) : IAdmissionEndpoint, IDisposable
{
    private readonly SemaphoreSlim _reviewSlots = new(maxConcurrentReviews, maxConcurrentReviews);

    public void Dispose() => _reviewSlots.Dispose();

    public async Task<AdmissionExchange> HandleAsync(HttpContext http, Func<AdmissionAttributes, AdmissionVerdict> review)
    {
        PooledBuffer body;
        try
        {
            body = await PooledBuffer.ReadAsync(http.Request, http.RequestAborted);
        }
        catch (BadHttpRequestException e)
        {
            // Kestrel's own verdicts on the body, such as 413 past the size limit.
            await HttpAnswers.WriteErrorAsync(http, e.StatusCode, e.Message);
            return AdmissionExchange.Unanswered;
        }

        (AdmissionAttributes Attributes, AdmissionAnswer Answer)? decision;
        string? error;
        using (body)
        {
            try
            {
                await _reviewSlots.WaitAsync(http.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The client went away while waiting: nobody is left to answer.
                return AdmissionExchange.Unanswered;
            }
            try
            {
                decision = Review(http.Request.Path.Value, body.Written, review, out error);
            }
            finally
            {
                _reviewSlots.Release();
            }
        }

        if (decision is not { } made)
        {
            await HttpAnswers.WriteErrorAsync(http, StatusCodes.Status400BadRequest, error!);
            return AdmissionExchange.Unanswered;
        }
        await HttpAnswers.WriteReviewAsync(http, made.Attributes.Uid, made.Answer);
        return new AdmissionExchange(made.Attributes.Operation, made.Answer);
    }

    /// <summary>The review's attributes and the decision on it, or null and why it is not a review.</summary>
    private (AdmissionAttributes, AdmissionAnswer)? Review(
        string? path, ReadOnlyMemory<byte> body, Func<AdmissionAttributes, AdmissionVerdict> review, out string? error)
    {
        // Pooled: the document's buffers go back when it is disposed, once the decision is made,
        // so nothing of the request outlives it.
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, AdmissionReviewReader.DocumentOptions);
        }
        catch (JsonException e)
        {
            error = $"not a valid AdmissionReview: {e.Message}";
            return null;
        }
        using (document)
        {
            var attributes = AdmissionReviewReader.Read(document.RootElement, out error);
            if (attributes is null)
            {
                return null;
            }
            var answer = Decide(review, attributes);
            Log(path, attributes, answer);
            return (attributes, answer);
        }
    }

    /// <summary>The verdict answered, or the denial that replaces it when the handler fails.</summary>
    private AdmissionAnswer Decide(Func<AdmissionAttributes, AdmissionVerdict> review, AdmissionAttributes attributes)
    {
        try
        {
            return AdmissionAnswer.To(review(attributes));
        }
#pragma warning disable CA1031 // Any fault must become an answer, never a dropped request.
        catch (Exception e)
#pragma warning restore CA1031
        {
            WebhookLog.ReviewFailed(logger, e, attributes.Namespace, attributes.Kind, attributes.Name, attributes.Uid);
            return AdmissionAnswer.Failed(attributes.Uid);
        }
    }

    /// <summary>One line a review at most, of a few KiB at most: its denial, else its warnings.</summary>
    private void Log(string? path, AdmissionAttributes attributes, AdmissionAnswer answer)
    {
        if ((answer.Allowed && answer.Warnings.Count == 0) || !logger.IsEnabled(LogLevel.Information))
        {
            return;
        }
        // What the request says of itself is the tenant's text too.
        var ns = BoundedText.Quote(attributes.Namespace);
        var kind = BoundedText.Quote(attributes.Kind);
        var name = attributes.Name is null ? null : BoundedText.Quote(attributes.Name);
        var uid = BoundedText.Quote(attributes.Uid);
        if (!answer.Allowed)
        {
            var reason = BoundedText.Truncate(answer.Message ?? "", ReviewLimits.MaxLoggedLength);
            WebhookLog.Denied(logger, path, ns, kind, name, uid, answer.Warnings.Count, reason);
        }
        else
        {
            var warnings = BoundedText.JoinWithin(" | ", answer.Warnings, ReviewLimits.MaxLoggedLength);
            WebhookLog.Warned(logger, path, ns, kind, name, uid, answer.Warnings.Count, warnings);
        }
    }
}
