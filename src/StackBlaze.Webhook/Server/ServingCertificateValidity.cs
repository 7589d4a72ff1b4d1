using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using StackBlaze.Webhook.Logging;

namespace StackBlaze.Webhook.Server;

/// <summary>
/// Whether the certificate served to new connections is within its dates now, by the injected
/// clock. One that is not makes every call of the API server fail, so readiness fails with the
/// reason, and an Error is logged once per certificate (not at every probe).
/// </summary>
/// <param name="certFile">Named in the reason and the log: the file to replace.</param>
/// <param name="certificate">The certificate served now; asked at every check, so a reload or the clock changes the answer.</param>
/// <param name="time">The clock the dates are compared with.</param>
/// <param name="logger">Where the Error goes.</param>
internal sealed class ServingCertificateValidity(string certFile, Func<X509Certificate2> certificate, TimeProvider time, ILogger logger)
{
    private X509Certificate2? _reported;

    /// <summary>Null while the certificate is valid; else one line saying why not.</summary>
    public string? Problem()
    {
        var current = certificate();
        var now = time.GetUtcNow().UtcDateTime;
        var notBefore = current.NotBefore.ToUniversalTime();
        var notAfter = current.NotAfter.ToUniversalTime();
        var problem = now > notAfter ? $"serving certificate {certFile} expired {Format(notAfter)}"
            : now < notBefore ? $"serving certificate {certFile} is not valid before {Format(notBefore)}"
            : null;
        if (problem is not null && !ReferenceEquals(Interlocked.Exchange(ref _reported, current), current))
        {
            WebhookLog.ServingCertificateNotValid(logger, certFile, now, notBefore, notAfter);
        }
        return problem;
    }

    private static string Format(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
