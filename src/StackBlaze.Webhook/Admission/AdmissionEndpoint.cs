using System.Text.Json;
using StackBlaze.Webhook.Limits;
using StackBlaze.Webhook.Logging;

namespace StackBlaze.Webhook.Admission;

/// <summary>Reads an AdmissionReview, has the domain decide, and answers; the same for every webhook path.</summary>
/// <param name="logger">Where denials, warnings and faults go.</param>
/// <param name="maxConcurrentReviews">
/// Reviews read and decided at once; the others wait their turn before their body is read. Each
/// is bounded, and this bounds them all together: however many connections send 3 MiB reviews,
/// only this many bodies, documents and decisions are in memory at once.
/// </param>
internal sealed class AdmissionEndpoint(ILogger<AdmissionEndpoint> logger, int maxConcurrentReviews) : IAdmissionEndpoint, IDisposable
{
    private readonly SemaphoreSlim _reviewSlots = new(maxConcurrentReviews, maxConcurrentReviews);

    public void Dispose() => _reviewSlots.Dispose();

    public async Task<AdmissionExchange> HandleAsync(HttpContext http, Func<AdmissionAttributes, AdmissionOutcome> review)
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
            return await ReviewAsync(http, review);
        }
        finally
        {
            _reviewSlots.Release();
        }
    }

    private async Task<AdmissionExchange> ReviewAsync(HttpContext http, Func<AdmissionAttributes, AdmissionOutcome> review)
    {
        // Pooled: the document's buffers go back when it is disposed, after the answer is written,
        // so nothing of the request outlives it.
        JsonDocument body;
        try
        {
            body = await JsonDocument.ParseAsync(http.Request.Body, AdmissionReviewReader.DocumentOptions, http.RequestAborted);
        }
        catch (JsonException e)
        {
            await HttpAnswers.WriteErrorAsync(http, StatusCodes.Status400BadRequest, $"not a valid AdmissionReview: {e.Message}");
            return AdmissionExchange.Unanswered;
        }
        catch (BadHttpRequestException e)
        {
            // Kestrel's own verdicts on the body, such as 413 past the size limit.
            await HttpAnswers.WriteErrorAsync(http, e.StatusCode, e.Message);
            return AdmissionExchange.Unanswered;
        }

        using var document = body;
        var attributes = AdmissionReviewReader.Read(document.RootElement, out var error);
        if (attributes is null)
        {
            await HttpAnswers.WriteErrorAsync(http, StatusCodes.Status400BadRequest, error!);
            return AdmissionExchange.Unanswered;
        }

        var outcome = Decide(review, attributes, out var faulted);
        Log(http.Request.Path.Value, attributes, outcome);
        await HttpAnswers.WriteReviewAsync(http, attributes.Uid, outcome);
        return new AdmissionExchange(attributes.Operation, outcome, faulted);
    }

    /// <summary>
    /// A fault of ours denies the request rather than letting a pod start without its variables;
    /// the controller that made the pod retries it.
    /// </summary>
    private AdmissionOutcome Decide(Func<AdmissionAttributes, AdmissionOutcome> review, AdmissionAttributes attributes, out bool faulted)
    {
        faulted = false;
        try
        {
            return review(attributes);
        }
#pragma warning disable CA1031 // Any fault must become an answer, never a dropped request.
        catch (Exception e)
#pragma warning restore CA1031
        {
            faulted = true;
            WebhookLog.ReviewFailed(logger, e, attributes.Namespace, attributes.Kind, attributes.Name, attributes.Uid);
            return new AdmissionOutcome(false, [], [], StatusCodes.Status500InternalServerError,
                $"the StackBlaze webhook failed on this request (uid {attributes.Uid}); see its logs");
        }
    }

    /// <summary>One line a review at most, of a few KiB at most: its denial, else its warnings.</summary>
    private void Log(string? path, AdmissionAttributes attributes, AdmissionOutcome outcome)
    {
        if ((outcome.Allowed && outcome.Warnings.Count == 0) || !logger.IsEnabled(LogLevel.Information))
        {
            return;
        }
        // What the request says of itself is the tenant's text too.
        var ns = BoundedText.Quote(attributes.Namespace);
        var kind = BoundedText.Quote(attributes.Kind);
        var name = attributes.Name is null ? null : BoundedText.Quote(attributes.Name);
        var uid = BoundedText.Quote(attributes.Uid);
        if (!outcome.Allowed)
        {
            var reason = BoundedText.Truncate(outcome.Message ?? "", ReviewLimits.MaxLoggedLength);
            WebhookLog.Denied(logger, path, ns, kind, name, uid, outcome.Warnings.Count, reason);
        }
        else
        {
            var warnings = BoundedText.JoinWithin(" | ", outcome.Warnings, ReviewLimits.MaxLoggedLength);
            WebhookLog.Warned(logger, path, ns, kind, name, uid, outcome.Warnings.Count, warnings);
        }
    }
}
