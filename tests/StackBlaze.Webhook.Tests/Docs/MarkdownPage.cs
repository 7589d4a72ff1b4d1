using System.Text;
using System.Text.RegularExpressions;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Docs;

/// <summary>
/// A markdown page of the repository read as GitHub renders it, as far as links go: its headings'
/// anchors, its links, and its fenced blocks. Text inside code (fenced or inline) is not a link.
/// </summary>
internal sealed partial class MarkdownPage
{
    private MarkdownPage(string path, string text)
    {
        Path = path;
        Text = text;
    }

    /// <summary>The page's path from the repository root, with forward slashes.</summary>
    public string Path { get; }

    public string Text { get; }

    private static readonly string[] PagesOutsideDocs = ["README.md", "deploy/coredns/README.md"];

    /// <summary>README.md, every page under docs/, and the README beside the CoreDNS rule.</summary>
    public static IReadOnlyList<MarkdownPage> Repository() =>
        [.. PagesOutsideDocs
            .Concat(Directory.EnumerateFiles(System.IO.Path.Combine(RepositoryPaths.Root, "docs"), "*.md", SearchOption.AllDirectories)
                .Select(file => System.IO.Path.GetRelativePath(RepositoryPaths.Root, file).Replace('\\', '/')))
            .Select(Load)];

    public static MarkdownPage Load(string path) =>
        new(path, File.ReadAllText(System.IO.Path.Combine(RepositoryPaths.Root, path)));

    public static MarkdownPage FromText(string path, string text) => new(path, text);

    /// <summary>The anchors of the page's headings, numbered as GitHub numbers repeated ones.</summary>
    public IReadOnlySet<string> Anchors()
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        foreach (var heading in Prose().Split('\n').Select(line => Heading().Match(line)).Where(match => match.Success))
        {
            var anchor = Anchor(heading.Groups["text"].Value);
            var numbered = anchor;
            for (var repeat = 1; !anchors.Add(numbered); repeat++)
            {
                numbered = $"{anchor}-{repeat}";
            }
        }
        return anchors;
    }

    /// <summary>The targets of the page's inline links and images, as written.</summary>
    public IReadOnlyList<string> Links() =>
        [.. Link().Matches(WithoutInlineCode(Prose())).Select(match => match.Groups["target"].Value)];

    /// <summary>
    /// The fenced blocks of the section under <paramref name="heading"/> (up to the next heading of its
    /// level or higher) whose info string is <paramref name="language"/> ("" for none).
    /// </summary>
    public IReadOnlyList<string> Blocks(string heading, string language)
    {
        var start = Text.IndexOf("\n" + heading + "\n", StringComparison.Ordinal);
        if (start < 0)
        {
            return [];
        }
        var level = heading.TakeWhile(c => c == '#').Count();
        var after = start + heading.Length + 2;
        var next = Regex.Match(Text[after..], $@"^#{{1,{level}}} ", RegexOptions.Multiline);
        return [.. Block().Matches(Text[start..(next.Success ? after + next.Index : Text.Length)])
            .Where(match => match.Groups["language"].Value == language)
            .Select(match => match.Groups["body"].Value)];
    }

    /// <summary>GitHub's anchor for a heading: lower case, punctuation dropped, spaces made hyphens.</summary>
    public static string Anchor(string heading)
    {
        var text = LinkText().Replace(heading.Trim(), "${text}").Replace("`", "", StringComparison.Ordinal);
        var anchor = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '_')
            {
                anchor.Append(c);
            }
            else if (c == ' ')
            {
                anchor.Append('-');
            }
        }
        return anchor.ToString();
    }

    // The page with its fenced blocks blanked: a '#' or '[x](y)' in code is neither heading nor link.
    private string Prose() => Fence().Replace(Text, match => new string('\n', match.Value.Count(c => c == '\n')));

    private static string WithoutInlineCode(string text) => InlineCode().Replace(text, "");

    [GeneratedRegex(@"^(?<indent>[ ]*)(```|~~~).*?^\k<indent>(```|~~~)[ ]*$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Fence();

    [GeneratedRegex(@"^(?<indent>[ ]*)```(?<language>[a-z]*)\n(?<body>.*?)\n\k<indent>```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Block();

    [GeneratedRegex(@"(`+)[^`]*?\1")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"^#{1,6}[ ]+(?<text>.+?)[ ]*#*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"!?\[[^\]]*\]\((?<target>[^)\s]+)(?:\s+""[^""]*"")?\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"\[(?<text>[^\]]*)\]\([^)]*\)")]
    private static partial Regex LinkText();
}
