using StackBlaze.Webhook.Core.Manifests;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Manifests;

/// <summary>What <c>check</c> says of the example manifests, as the CLI wires it: files plus <c>--catalog</c>.</summary>
public class ManifestCheckerTests
{
    private static IReadOnlyList<CheckFinding> Check(string[] paths, string[]? catalogPaths = null)
    {
        var documents = ManifestReader.ReadAll(paths, TextReader.Null);
        var extra = ManifestReader.ReadAll(catalogPaths ?? [], TextReader.Null);
        var catalog = ManifestCatalog.FromDocuments(extra.Concat(documents), "default");
        return ManifestChecker.Check(documents, catalog, "default");
    }

    [Fact]
    public void Shop_example_is_clean()
    {
        Check([Examples.Folder("shop")]).Should().BeEmpty();
    }

    [Fact]
    public void Public_url_example_has_exactly_its_four_violations_its_config_map_first()
    {
        var findings = Check([Examples.Folder("shop-public-urls")], [Examples.Folder("shop")]);

        findings.Should().OnlyContain(f => f.IsViolation);
        findings.Select(f => (f.Where, f.Address, f.Service, f.InternalAddress)).Should().Equal(
            ("ConfigMap/report-worker key BACKEND_HOST", "api.shop.example.com", "backend", "backend.internal"),
            ("Deployment/report-worker container worker ORDERS_API",
                "https://api.shop.example.com/v1/orders?status=open", "backend", "http://backend.internal:3000/v1/orders?status=open"),
            ("Deployment/report-worker container worker BACKEND_HOST (ConfigMap report-worker)",
                "api.shop.example.com", "backend", "backend.internal"),
            ("Deployment/report-worker container worker args[1]",
                "https://shop.example.com/", "frontend", "http://frontend.internal:80/"));
    }

    [Fact]
    public void Violation_message_says_what_to_write_instead()
    {
        var findings = Check([Examples.Folder("shop-public-urls")], [Examples.Folder("shop")]);

        findings[1].Message.Should().Be(
            "calls https://api.shop.example.com/v1/orders?status=open, the public URL of service \"backend\"; use http://backend.internal:3000/v1/orders?status=open");
    }

    [Fact]
    public void Public_url_example_alone_is_clean_since_it_names_no_public_host()
    {
        Check([Examples.Folder("shop-public-urls")]).Should().BeEmpty();
    }

    [Fact]
    public void Warn_mode_namespace_turns_violations_into_warnings()
    {
        var finding = Check([Json.FixturePath("manifests/public-urls-warn.yaml")]).Should().ContainSingle().Subject;

        finding.IsViolation.Should().BeFalse();
        finding.Where.Should().Be("Deployment/report-worker container worker ORDERS_API");
        finding.Message.Should().Be(
            "calls https://api.staging.example.com/v1/orders, the public URL of service \"backend\"; use http://backend.internal:3000/v1/orders");
    }

    [Fact]
    public void Config_maps_are_checked_like_the_webhook_and_a_config_map_not_in_the_files_is_a_warning()
    {
        var findings = Check([Json.FixturePath("manifests/config-maps.yaml")], [Examples.Folder("shop")]);

        findings.Select(f => (f.IsViolation, f.Where, f.Address)).Should().Equal(
            (true, "ConfigMap/worker-settings key ORDERS_API", "https://***@api.shop.example.com/v1/orders"),
            (true, "Deployment/report-worker container worker ORDERS_API (ConfigMap worker-settings)", "https://***@api.shop.example.com/v1/orders"),
            (false, "Deployment/report-worker", null));
        findings[2].Message.Should().Be("ConfigMap report-flags is not known to the webhook yet, so its values were not checked for public URLs; "
            + "the ConfigMap is checked itself when it is created or changed");
        findings.Should().NotContain(f => f.Message.Contains("hunter2", StringComparison.Ordinal) || f.Message.Contains("s3cret", StringComparison.Ordinal));
    }
}
