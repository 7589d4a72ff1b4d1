using System.Text.RegularExpressions;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Docs;

/// <summary>
/// The README and docs/ link to each other by relative paths and heading anchors; a page moved or a
/// heading renamed must not leave a link that GitHub renders as a dead end.
/// </summary>
public sealed partial class MarkdownLinkTests
{
    [Fact]
    public void Every_relative_link_in_the_readme_and_docs_points_to_a_file_that_exists()
    {
        var broken = RelativeLinks()
            .Where(link => link.File.Length > 0 && !File.Exists(Target(link)) && !Directory.Exists(Target(link)))
            .Select(link => $"{link.Page.Path}: {link.Written}");

        broken.Should().BeEmpty();
    }

    [Fact]
    public void Every_anchor_in_a_link_names_a_heading_of_the_page_it_points_to()
    {
        var anchored = RelativeLinks().Where(link => link.Anchor.Length > 0).ToList();

        var broken = anchored
            .Where(link => !(link.File.Length == 0 ? link.Page : MarkdownPage.Load(Relative(Target(link)))).Anchors().Contains(link.Anchor))
            .Select(link => $"{link.Page.Path}: {link.Written}");

        anchored.Should().NotBeEmpty("the README links into docs/ by heading");
        broken.Should().BeEmpty();
    }

    [Theory]
    [InlineData("Offline: `check`", "offline-check")]
    [InlineData("DNS: `<service>.internal`", "dns-serviceinternal")]
    [InlineData("Only the API server: client certificates", "only-the-api-server-client-certificates")]
    [InlineData("GitOps: Argo CD and Flux", "gitops-argo-cd-and-flux")]
    [InlineData("`$(NAME)` references", "name-references")]
    [InlineData("Every pass over a pod: the record", "every-pass-over-a-pod-the-record")]
    public void Anchor_is_the_heading_in_lower_case_without_punctuation_and_with_hyphens_for_spaces(string heading, string anchor) =>
        MarkdownPage.Anchor(heading).Should().Be(anchor);

    [Fact]
    public void Links_in_code_are_not_links_and_a_repeated_heading_gets_a_number()
    {
        var page = MarkdownPage.FromText("page.md", """
            # Title
            See [the runbook](docs/runbook.md#upgrades) and `[not](a-link.md)`.

            ```
            [nor](this.md)
            # nor a heading
            ```

            ## Title
            """);

        page.Links().Should().Equal("docs/runbook.md#upgrades");
        page.Anchors().Should().BeEquivalentTo("title", "title-1");
    }

    private static IEnumerable<Link> RelativeLinks() =>
        MarkdownPage.Repository().SelectMany(page => page.Links()
            .Where(target => !Scheme().IsMatch(target))
            .Select(target => new Link(page, target)));

    private static string Target(Link link) =>
        Path.GetFullPath(Path.Combine(RepositoryPaths.Root, Path.GetDirectoryName(link.Page.Path) ?? "", Uri.UnescapeDataString(link.File)));

    private static string Relative(string path) => Path.GetRelativePath(RepositoryPaths.Root, path).Replace('\\', '/');

    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial Regex Scheme();

    private sealed record Link(MarkdownPage Page, string Written)
    {
        public string File => Written.Split('#')[0];

        public string Anchor => Written.Contains('#', StringComparison.Ordinal) ? Written[(Written.IndexOf('#', StringComparison.Ordinal) + 1)..] : "";
    }
}
