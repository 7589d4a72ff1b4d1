using System.ComponentModel;
using System.Text.Json;
using System.Text.RegularExpressions;
using k8s.Models;
using StackBlaze.Webhook.Core.Catalog;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Deploy;

/// <summary>
/// deploy/components/monitoring over either overlay: what Prometheus scrapes, and alerts that are
/// valid PromQL, fire on the series they are meant for, and watch only series that exist.
/// </summary>
public sealed partial class MonitoringComponentTests(MonitoredInstalls installs) : IClassFixture<MonitoredInstalls>
{
    // Series the alerts read from others: Prometheus itself, kube-state-metrics, the API server.
    private static readonly string[] OutsideSeries =
        ["up", "kube_deployment_status_replicas_available", "kube_deployment_spec_replicas", "apiserver_admission_webhook_rejection_count"];

    [Theory]
    [MemberData(nameof(RenderedOverlays.Installable), MemberType = typeof(RenderedOverlays))]
    public void Service_monitor_scrapes_the_metrics_port_over_https_trusting_the_serving_ca(string overlay)
    {
        var manifests = installs[overlay].Manifests;
        var monitor = manifests.One<ServiceMonitor>();
        var service = manifests.One<V1Service>();
        var endpoint = monitor.Spec.Endpoints.Should().ContainSingle().Subject;

        monitor.Metadata.NamespaceProperty.Should().Be(service.Metadata.NamespaceProperty);
        monitor.Spec.Selector.MatchLabels.Should().BeSubsetOf(service.Metadata.Labels);
        var port = service.Spec.Ports.Should().ContainSingle(p => p.Name == endpoint.Port).Subject;
        manifests.Container.Ports.Should().ContainSingle(p => p.Name == port.TargetPort.Value && p.ContainerPort == 9443);
        manifests.Container.Args.Should().ContainInOrder("--metrics-urls", "https://[::]:9443");
        service.Spec.Ports.Should().Contain(p => p.Name == "https" && p.Port == 443, "the API server still calls 443");
        (endpoint.Scheme, endpoint.Path).Should().Be(("https", "/metrics"));
        endpoint.TlsConfig!.ServerName.Should().Be($"{service.Metadata.Name}.{service.Metadata.NamespaceProperty}.svc");
        endpoint.TlsConfig.Ca!.Secret!.Name.Should().Be(
            manifests.Deployment.Spec.Template.Spec.Volumes.Single(v => v.Name == "tls").Secret.SecretName);
        endpoint.TlsConfig.Ca.Secret.Key.Should().Be("ca.crt");
    }

    [Theory]
    [MemberData(nameof(RenderedOverlays.Installable), MemberType = typeof(RenderedOverlays))]
    public async Task Every_rule_is_valid_promql_as_promtool_checks_it(string overlay)
    {
        using var folder = new TemporaryFolder();
        var rules = folder.Write("rules.json", RuleFile(installs[overlay].Manifests.One<PrometheusRule>(), withAnnotations: true));

        var check = await PromtoolAsync(["check", "rules", rules]);

        check.ExitCode.Should().Be(0, check.Stdout + check.Stderr);
        check.Stdout.Should().Contain("SUCCESS: 10 rules found");
    }

    [Fact]
    public async Task Alerts_fire_on_the_series_they_watch_and_not_on_their_neighbours()
    {
        using var folder = new TemporaryFolder();
        folder.Write("rules.json", RuleFile(installs[RenderedOverlays.CertManager].Manifests.One<PrometheusRule>(), withAnnotations: false));
        File.Copy(RepositoryPaths.Fixture("Monitoring", "alerts-test.yaml"), Path.Combine(folder.Path, "alerts-test.yaml"));

        var test = await PromtoolAsync(["test", "rules", Path.Combine(folder.Path, "alerts-test.yaml")]);

        test.ExitCode.Should().Be(0, test.Stdout + test.Stderr);
        test.Stdout.Should().Contain("SUCCESS");
    }

    [Fact]
    public async Task Alerts_watch_only_series_the_webhook_exposes_or_that_others_are_known_to()
    {
        var expressions = installs[RenderedOverlays.CertManager].Manifests.One<PrometheusRule>().Spec.Groups.SelectMany(g => g.Rules).Select(r => r.Expr).ToList();
        var used = expressions.SelectMany(e => SeriesSelector().Matches(e).Select(m => m.Groups[1].Value)).ToHashSet();
        var catalog = new LiveProjectCatalog();
        foreach (var kind in Enum.GetValues<CatalogKind>())
        {
            catalog.MarkSynced(kind);
            catalog.MarkEvent(kind, DateTimeOffset.UtcNow);
        }
        await using var server = await LoopbackServer.StartAsync(catalog);

        var exposed = TypeLine().Matches((await MetricsScrape.TakeAsync(server.Client)).Text).Select(m => m.Groups[1].Value).ToHashSet();

        used.Where(n => !OutsideSeries.Contains(n)).Should().NotBeEmpty()
            .And.OnlyContain(n => exposed.Contains(n) || exposed.Contains(HistogramSuffix().Replace(n, "")), $"the server exposes {string.Join(", ", exposed)}");
        used.Where(n => !n.StartsWith("stackblaze_webhook_", StringComparison.Ordinal)).Should().BeEquivalentTo(OutsideSeries);
    }

    [Fact]
    public void Api_server_alert_names_exactly_the_webhooks_of_the_configurations()
    {
        var manifests = installs[RenderedOverlays.CertManager].Manifests;
        var rejection = manifests.One<PrometheusRule>().Spec.Groups.SelectMany(g => g.Rules)
            .Single(r => r.Expr.Contains("apiserver_admission_webhook_rejection_count", StringComparison.Ordinal)).Expr;
        // A PromQL string's backslashes are escaped once; Prometheus anchors the regex.
        var names = new Regex($"^(?:{WebhookNames().Match(rejection).Groups[1].Value.Replace(@"\\", @"\", StringComparison.Ordinal)})$");

        names.IsMatch(manifests.MutatingWebhook.Name).Should().BeTrue(manifests.MutatingWebhook.Name);
        names.IsMatch(manifests.ValidatingWebhook.Name).Should().BeTrue(manifests.ValidatingWebhook.Name);
        names.IsMatch("linksXwebhook.stackblaze.io").Should().BeFalse("dots are literal");
        rejection.Should().Contain("error_type!=\"no_error\"", "the webhook's own denials are the policy working");
    }

    [Fact]
    public void Every_alert_has_a_severity_a_summary_and_a_description()
    {
        var alerts = installs[RenderedOverlays.CertManager].Manifests.One<PrometheusRule>().Spec.Groups.SelectMany(g => g.Rules).ToList();

        alerts.Should().HaveCount(10).And.OnlyContain(a =>
            (a.Labels["severity"] == "warning" || a.Labels["severity"] == "critical")
            && a.Annotations.ContainsKey("summary") && a.Annotations.ContainsKey("description") && a.For != null);
        alerts.Select(a => a.Alert).Should().OnlyHaveUniqueItems();
    }

    // The rules as a rule file; annotations left out for promtool's unit tests, which compare them whole.
    private static string RuleFile(PrometheusRule rule, bool withAnnotations)
    {
        var spec = JsonSerializer.SerializeToNode(rule.Spec, MonitoringJsonContext.Default.PrometheusRuleSpec)!;
        if (!withAnnotations)
        {
            foreach (var alert in spec["groups"]!.AsArray().SelectMany(g => g!["rules"]!.AsArray()))
            {
                alert!.AsObject().Remove("annotations");
            }
        }
        return spec.ToJsonString();
    }

    private static async Task<ProcessRunner.Result> PromtoolAsync(string[] arguments)
    {
        try
        {
            return await ProcessRunner.RunAsync("promtool", arguments);
        }
        catch (Win32Exception)
        {
            throw new InvalidOperationException("promtool is missing: apt-get install prometheus (.ci/run installs it)");
        }
    }

    // A metric name right before its label matchers: every selector in the rules has some.
    [GeneratedRegex(@"([a-zA-Z_:][a-zA-Z0-9_:]*)\{")]
    private static partial Regex SeriesSelector();

    [GeneratedRegex(@"^# TYPE (\S+) ", RegexOptions.Multiline)]
    private static partial Regex TypeLine();

    [GeneratedRegex("_(bucket|sum|count)$")]
    private static partial Regex HistogramSuffix();

    [GeneratedRegex("name=~\"([^\"]+)\"")]
    private static partial Regex WebhookNames();
}
