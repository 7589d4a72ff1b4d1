using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using StackBlaze.Webhook.Server;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Server;

/// <summary>The reloader on its own: what a change of the files does, driven by a fake clock.</summary>
public sealed class ServingCertificateReloaderTests(TwoCertificateSets sets) : IClassFixture<TwoCertificateSets>
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(10);

    private readonly FakeTimeProvider _time = new();
    private readonly FakeLogger _logger = new();
    private readonly GeneratedCertificates _first = sets.First;
    private readonly GeneratedCertificates _second = sets.Second;

    [Fact]
    public void Start_logs_the_certificate_and_its_expiry()
    {
        using var volume = SecretVolume.Create(_first.CertFile, _first.KeyFile);
        using var reloader = Start(volume);

        var entry = _logger.Collector.GetSnapshot().Should().ContainSingle().Subject;
        entry.Id.Id.Should().Be(30);
        entry.Message.Should().Contain($"expires {reloader.Current.NotAfter.ToUniversalTime():O}");
    }

    [Fact]
    public void Files_swapped_by_the_kubelet_are_served_after_the_next_poll_and_the_new_expiry_is_logged()
    {
        using var volume = SecretVolume.Create(_first.CertFile, _first.KeyFile);
        using var reloader = Start(volume);
        var before = reloader.Current.Thumbprint;

        volume.Update(_second.CertFile, _second.KeyFile);
        reloader.Current.Thumbprint.Should().Be(before, "nothing changes between polls");
        _time.Advance(Period);

        var expected = ThumbprintOf(_second.CertFile);
        reloader.Current.Thumbprint.Should().Be(expected).And.NotBe(before);
        var entry = _logger.Collector.GetSnapshot().Should().ContainSingle(e => e.Id.Id == 31).Subject;
        entry.Level.Should().Be(LogLevel.Information);
        entry.Message.Should().EndWith($"expires {reloader.Current.NotAfter.ToUniversalTime():O}");
    }

    [Fact]
    public void Each_new_certificate_is_reported_once_it_is_served_so_that_its_dates_are_checked_at_once()
    {
        using var volume = SecretVolume.Create(_first.CertFile, _first.KeyFile);
        using var reloader = ServingCertificateReloader.Load(volume.CertFile, volume.KeyFile, _time);
        var served = new List<string>();
        reloader.Start(_logger, Period, () => served.Add(reloader.Current.Thumbprint));

        _time.Advance(Period * 2);
        volume.Update(_second.CertFile, _second.KeyFile);
        _time.Advance(Period * 2);

        served.Should().Equal(ThumbprintOf(_second.CertFile));
    }

    [Fact]
    public void Unchanged_files_keep_the_same_certificate_and_log_nothing()
    {
        using var volume = SecretVolume.Create(_first.CertFile, _first.KeyFile);
        using var reloader = Start(volume);
        var current = reloader.Current;

        _time.Advance(Period * 3);

        reloader.Current.Should().BeSameAs(current);
        _logger.Collector.GetSnapshot().Should().ContainSingle(e => e.Id.Id == 30).And.HaveCount(1);
    }

    [Fact]
    public void Certificate_with_a_key_that_is_not_its_own_keeps_the_old_one_and_warns_once()
    {
        using var volume = SecretVolume.Create(_first.CertFile, _first.KeyFile);
        using var reloader = Start(volume);
        var before = reloader.Current;

        volume.Update(_second.CertFile, _first.KeyFile);
        _time.Advance(Period * 3);

        reloader.Current.Should().BeSameAs(before);
        var warning = _logger.Collector.GetSnapshot().Should().ContainSingle(e => e.Id.Id == 32).Subject;
        warning.Level.Should().Be(LogLevel.Warning);
        warning.Message.Should().Contain("still serving the previous certificate");

        volume.Update(_second.CertFile, _second.KeyFile);
        _time.Advance(Period);

        reloader.Current.Thumbprint.Should().Be(ThumbprintOf(_second.CertFile));
        _logger.Collector.GetSnapshot().Should().ContainSingle(e => e.Id.Id == 31);
    }

    [Fact]
    public void Half_written_certificate_keeps_the_old_one()
    {
        using var volume = SecretVolume.Create(_first.CertFile, _first.KeyFile);
        using var reloader = Start(volume);
        var before = reloader.Current;
        var text = File.ReadAllText(_second.CertFile);
        var truncated = Path.Combine(sets.Scratch, $"truncated-{Guid.NewGuid():N}.crt");
        File.WriteAllText(truncated, text[..(text.Length / 2)]);

        volume.Update(truncated, _second.KeyFile);
        _time.Advance(Period);

        reloader.Current.Should().BeSameAs(before);
        _logger.Collector.GetSnapshot().Should().ContainSingle(e => e.Id.Id == 32);
    }

    [Fact]
    public void Missing_files_at_start_stop_the_server_with_one_line()
    {
        var missing = Path.Combine(sets.Scratch, "missing.crt");

        var act = () => ServingCertificateReloader.Load(missing, _first.KeyFile, _time);

        act.Should().Throw<StartupException>().WithMessage($"TLS file not found: {missing}");
    }

    private ServingCertificateReloader Start(SecretVolume volume)
    {
        var reloader = ServingCertificateReloader.Load(volume.CertFile, volume.KeyFile, _time);
        reloader.Start(_logger, Period);
        return reloader;
    }

    private static string ThumbprintOf(string certFile)
    {
        using var certificate = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificateFromFile(certFile);
        return certificate.Thumbprint;
    }
}
