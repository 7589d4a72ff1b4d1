using System.Text;
using StackBlaze.Webhook.Core.Limits;
using StackBlaze.Webhook.Core.Manifests;

namespace StackBlaze.Webhook.Tests.Manifests;

/// <summary>Hostile manifests are refused with one line that says which limit, before the work grows with them.</summary>
public sealed class ManifestReaderLimitTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("stackblaze-limits-");

    public void Dispose() => folder.Delete(recursive: true);

    [Fact]
    public void Nesting_past_the_limit_is_refused_where_it_goes_too_deep()
    {
        var deep = "apiVersion: v1\nkind: Thing\nx: " + new string('[', 10_000) + new string(']', 10_000) + "\n";

        var act = () => ManifestReader.Parse(deep, "deep.yaml");

        act.Should().Throw<ManifestException>().WithMessage($"deep.yaml:3:*: not read: nested deeper than {ManifestLimits.MaxDepth} levels");
    }

    [Fact]
    public void Nesting_up_to_the_limit_is_read()
    {
        var depth = ManifestLimits.MaxDepth - 1;
        var yaml = "apiVersion: v1\nkind: Thing\nx: " + new string('[', depth) + new string(']', depth) + "\n";

        ManifestReader.Parse(yaml, "deep.yaml").Should().ContainSingle();
    }

    [Fact]
    public void Aliases_that_nest_a_document_past_the_limit_are_refused_at_the_document()
    {
        var half = ManifestLimits.MaxDepth / 2 + 1;
        var yaml = $"apiVersion: v1\nkind: Thing\nx: &deep {new string('[', half)}{new string(']', half)}\ny: {new string('[', half)}*deep{new string(']', half)}\n";

        var act = () => ManifestReader.Parse(yaml, "deep.yaml");

        act.Should().Throw<ManifestException>().WithMessage($"deep.yaml:1:1: not read: nested deeper than {ManifestLimits.MaxDepth} levels");
    }

    [Fact]
    public void A_billion_laughs_of_aliases_is_refused_before_it_is_built()
    {
        var yaml = new StringBuilder("apiVersion: v1\nkind: Thing\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 12; i++)
        {
            yaml.Append($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n");
        }

        var act = () => ManifestReader.Parse(yaml.ToString(), "bomb.yaml");

        act.Should().Throw<ManifestException>().WithMessage($"bomb.yaml:*: not read: more than {ManifestLimits.MaxValues} values (aliases count what they copy)");
    }

    [Fact]
    public void Too_many_objects_are_refused()
    {
        var yaml = string.Concat(Enumerable.Repeat("apiVersion: v1\nkind: ConfigMap\n---\n", ManifestLimits.MaxObjects + 1));

        var act = () => ManifestReader.Parse(yaml, "many.yaml");

        act.Should().Throw<ManifestException>().WithMessage($"many.yaml:*: not read: more than {ManifestLimits.MaxObjects} objects");
    }

    [Fact]
    public void A_file_that_never_ends_is_read_no_further_than_the_limit()
    {
        var act = () => ManifestReader.ReadAll(["/dev/zero"], TextReader.Null);

        act.Should().Throw<ManifestException>().WithMessage("/dev/zero: not read: more than 16 MiB in one file, or 64 MiB in all");
    }

    [Fact]
    public void Files_that_together_pass_the_limit_are_refused()
    {
        // Comments only: each file is valid and gives no object, so only the total stops them.
        var comment = "#" + new string('x', ManifestLimits.MaxFileBytes - 2) + "\n";
        var files = Enumerable.Range(0, 5).Select(i => Write($"{i}.yaml", comment)).ToList();

        var act = () => ManifestReader.ReadAll(files, TextReader.Null);

        act.Should().Throw<ManifestException>().WithMessage($"{files[4]}: not read: the manifests already read reach 64 MiB");
    }

    [Fact]
    public void Standard_input_past_the_limit_is_refused()
    {
        var act = () => ManifestReader.ReadAll(["-"], new StringReader(new string('#', ManifestLimits.MaxFileBytes + 1)));

        act.Should().Throw<ManifestException>().WithMessage("-: not read: more than 16 MiB*");
    }

    [Fact]
    public void Invalid_utf8_is_refused_rather_than_read_as_replacement_characters()
    {
        var file = Path.Combine(folder.FullName, "latin1.yaml");
        File.WriteAllBytes(file, [.. "apiVersion: v1\nkind: ConfigMap\ndata:\n  name: caf"u8, 0xE9, (byte)'\n']);

        var act = () => ManifestReader.ReadAll([file], TextReader.Null);

        act.Should().Throw<ManifestException>().WithMessage($"{file}: not read: not UTF-8 text");
    }

    [Fact]
    public void A_utf8_byte_order_mark_is_not_part_of_the_text()
    {
        var file = Path.Combine(folder.FullName, "bom.yaml");
        File.WriteAllBytes(file, [0xEF, 0xBB, 0xBF, .. "apiVersion: v1\nkind: ConfigMap\n"u8]);

        ManifestReader.ReadAll([file], TextReader.Null).Should().ContainSingle().Which.ApiVersion.Should().Be("v1");
    }

    [Fact]
    public void Binary_garbage_is_refused_with_one_line()
    {
        var file = Path.Combine(folder.FullName, "garbage.yaml");
        File.WriteAllBytes(file, [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 256))]);

        var act = () => ManifestReader.ReadAll([file], TextReader.Null);

        act.Should().Throw<ManifestException>().Which.Message.Should().StartWith($"{file}:").And.NotContain("\n");
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(folder.FullName, name);
        File.WriteAllText(path, content);
        return path;
    }
}
