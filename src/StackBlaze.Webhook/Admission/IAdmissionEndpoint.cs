using StackBlaze.Webhook.Core.Admission;

namespace StackBlaze.Webhook.Admission;

/// <summary>Answers one AdmissionReview with a handler's decision; decorators (metrics) wrap it.</summary>
internal interface IAdmissionEndpoint
{
    Task<AdmissionExchange> HandleAsync(HttpContext http, Func<AdmissionAttributes, AdmissionVerdict> review);
}
