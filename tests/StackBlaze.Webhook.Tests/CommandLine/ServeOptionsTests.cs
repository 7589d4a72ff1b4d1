using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.CommandLine;

/// <summary><c>serve</c>'s options are checked before anything starts: a bad one is one line and exit 2.</summary>
public sealed class ServeOptionsTests
{
    [Fact]
    public void Shutdown_delay_defaults_to_5_seconds()
    {
        ServeArguments.Parse(["--catalog", "x"]).ShutdownDelay.Should().Be(TimeSpan.FromSeconds(5));
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("2.5", 2.5)]
    [InlineData("600", 600)]
    public void Shutdown_delay_takes_seconds(string text, double seconds)
    {
        ServeArguments.Parse([$"--shutdown-delay={text}"]).ShutdownDelay.Should().Be(TimeSpan.FromSeconds(seconds));
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("5s")]
    [InlineData("601")]
    [InlineData("NaN")]
    [InlineData("1e3")]
    public void Shutdown_delay_that_is_not_0_to_600_seconds_is_refused(string text)
    {
        ServeArguments.Refusal([$"--shutdown-delay={text}"]).Should().Be($"--shutdown-delay must be a number of seconds from 0 to 600, not \"{text}\"");
    }

    [Fact]
    public async Task Serve_with_a_bad_shutdown_delay_exits_2_with_one_line_before_listening()
    {
        var result = await ProcessRunner.RunWebhookCommandAsync(["serve", "--catalog", "deploy/examples/shop", "--shutdown-delay", "soon"]);

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().StartWith("stackblaze-webhook: --shutdown-delay must be a number of seconds from 0 to 600, not \"soon\"");
    }

    [Fact]
    public void Default_url_is_every_address_ipv6_and_ipv4_on_8443()
    {
        ServeArguments.Parse([]).Url.Should().Be(new Uri("https://[::]:8443"));
    }

    [Theory]
    [InlineData("https://[::]:8443", "https://[::]:8443/")]
    [InlineData("https://*:8443", "https://[::]:8443/")]
    [InlineData("https://+:8443", "https://[::]:8443/")]
    [InlineData("https://0.0.0.0:8443", "https://0.0.0.0:8443/")]
    [InlineData("https://127.0.0.1:0", "https://127.0.0.1:0/")]
    [InlineData("https://[fd00::2]:8443", "https://[fd00::2]:8443/")]
    public void Url_takes_an_address_or_every_address(string text, string expected)
    {
        ServeArguments.Parse(["--urls", text]).Url.ToString().Should().Be(expected);
    }

    [Theory]
    [InlineData("http://[::]:8443")]
    [InlineData("https://webhook.example.com:8443")]
    [InlineData("https://[::]:8443/prefix")]
    [InlineData("https://*")]
    public void Url_that_is_not_https_to_an_address_is_refused_with_one_line(string text)
    {
        ServeArguments.Refusal(["--urls", text]).Should().Be($"--urls must be https://HOST:PORT with an IP address, [::], * or localhost as HOST, not \"{text}\"");
    }

    [Fact]
    public void Metrics_stay_on_the_webhook_port_unless_a_metrics_url_is_given()
    {
        ServeArguments.Parse([]).MetricsUrl.Should().BeNull();
        ServeArguments.Parse(["--metrics-urls", "https://*:9443"]).MetricsUrl.Should().Be(new Uri("https://[::]:9443"));
    }

    [Theory]
    [InlineData("http://[::]:9443", "--metrics-urls must be https://HOST:PORT with an IP address, [::], * or localhost as HOST, not \"http://[::]:9443\"")]
    [InlineData("https://[::]:8443", "--metrics-urls needs a port of its own, not --urls' 8443")]
    public void Metrics_url_that_is_not_https_or_shares_the_webhook_port_is_refused(string text, string message)
    {
        ServeArguments.Refusal(["--metrics-urls", text]).Should().Be(message);
    }
}
