using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using StackBlaze.Webhook.Logging;

namespace StackBlaze.Webhook.Server;

/// <summary>
/// The serving certificate from <c>--tls-cert</c> and <c>--tls-key</c>, reloaded when the files
/// change: Kestrel asks <see cref="Current"/> at each TLS handshake, so new connections get the new
/// certificate while open ones keep theirs and no request fails.
/// </summary>
/// <remarks>
/// Changes are found by reading both files every <see cref="DefaultPeriod"/> and comparing their
/// content. A mounted Secret is renewed by the kubelet swapping the <c>..data</c> symlink of the
/// volume, which file watchers on the mounted names often miss; two small files read every few
/// seconds cost nothing and see every kind of change. A pair that does not load (half written, or
/// a certificate and a key that do not match) keeps the previous certificate and logs a warning.
/// </remarks>
internal sealed class ServingCertificateReloader : IDisposable
{
    /// <summary>The kubelet takes up to a minute or so to refresh a mounted Secret; this adds little to that.</summary>
    public static readonly TimeSpan DefaultPeriod = TimeSpan.FromSeconds(10);

    private readonly string _certFile;
    private readonly string _keyFile;
    private readonly TimeProvider _time;
    private readonly Lock _pollGate = new();
    private X509Certificate2 _current;
    // The PEM text last loaded, compared with the files' at each poll; never logged.
    private (string Certificate, string Key) _pem;
    private string? _lastProblem;
    private ILogger? _logger;
    private Action? _reloaded;
    private ITimer? _timer;

    private ServingCertificateReloader(string certFile, string keyFile, TimeProvider time, (string, string) pem, X509Certificate2 certificate)
    {
        _certFile = certFile;
        _keyFile = keyFile;
        _time = time;
        _pem = pem;
        _current = certificate;
    }

    /// <summary>The certificate to present to a new connection.</summary>
    public X509Certificate2 Current => Volatile.Read(ref _current);

    /// <summary>Loads the pair at start-up; a missing or unreadable one stops the server with one line.</summary>
    public static ServingCertificateReloader Load(string certFile, string keyFile, TimeProvider time)
    {
        foreach (var file in new[] { certFile, keyFile })
        {
            if (!File.Exists(file))
            {
                throw new StartupException($"TLS file not found: {file}");
            }
        }
        var pem = Read(certFile, keyFile);
        try
        {
            return new ServingCertificateReloader(certFile, keyFile, time, pem, CreateCertificate(pem));
        }
        catch (CryptographicException e)
        {
            throw new StartupException($"cannot load the TLS certificate {certFile} with key {keyFile}: {e.Message}");
        }
    }

    /// <summary>
    /// Logs the certificate's expiry and looks for new files every <paramref name="period"/> from now on;
    /// <paramref name="reloaded"/> is called once a new certificate is served, so that its validity is checked at once.
    /// </summary>
    public void Start(ILogger logger, TimeSpan period, Action? reloaded = null)
    {
        _logger = logger;
        _reloaded = reloaded;
        var certificate = Current;
        var expiry = certificate.NotAfter.ToUniversalTime();
        WebhookLog.ServingCertificate(logger, _certFile, certificate.Subject, expiry);
        _timer = _time.CreateTimer(_ => Poll(), null, period, period);
    }

    public void Dispose()
    {
        _timer?.Dispose();
        // Certificates replaced earlier are left to the finalizer: a handshake may still hold one.
        Current.Dispose();
    }

    private void Poll()
    {
        // A slow disk must not make two polls overlap; the next tick will look again.
        if (!_pollGate.TryEnter())
        {
            return;
        }
        try
        {
            var pem = Read(_certFile, _keyFile);
            if (pem == _pem)
            {
                return;
            }
            var certificate = CreateCertificate(pem);
            _pem = pem;
            _lastProblem = null;
            Volatile.Write(ref _current, certificate);
            if (_logger is not null)
            {
                var expiry = certificate.NotAfter.ToUniversalTime();
                WebhookLog.ServingCertificateReloaded(_logger, _certFile, certificate.Subject, expiry);
            }
            _reloaded?.Invoke();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
        {
            // Reported once per distinct fault, not at every tick until the files are fixed.
            if (e.Message != _lastProblem && _logger is not null)
            {
                var expiry = Current.NotAfter.ToUniversalTime();
                WebhookLog.ServingCertificateNotReloaded(_logger, _certFile, _keyFile, expiry, e.Message);
            }
            _lastProblem = e.Message;
        }
        finally
        {
            _pollGate.Exit();
        }
    }

    /// <exception cref="IOException">A file is missing or cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">A file is not readable by this user.</exception>
    private static (string Certificate, string Key) Read(string certFile, string keyFile) => (File.ReadAllText(certFile), File.ReadAllText(keyFile));

    /// <exception cref="CryptographicException">Not PEM, or the key does not belong to the certificate.</exception>
    private static X509Certificate2 CreateCertificate((string Certificate, string Key) pem)
    {
        try
        {
            return X509Certificate2.CreateFromPem(pem.Certificate, pem.Key);
        }
        catch (ArgumentException e)
        {
            // A key of another certificate surfaces as an argument error; it is the same fault as bad PEM.
            throw new CryptographicException(e.Message, e);
        }
    }
}
