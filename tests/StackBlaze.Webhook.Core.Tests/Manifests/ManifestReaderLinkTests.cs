using System.Diagnostics;
using StackBlaze.Webhook.Core.Manifests;

namespace StackBlaze.Webhook.Tests.Manifests;

/// <summary>
/// A folder given to <c>-f</c> is read without leaving it: links out are refused unread (a link to
/// a kubeconfig must not print its token), links in are followed, and what is not a file is skipped.
/// </summary>
public sealed class ManifestReaderLinkTests : IDisposable
{
    private const string Secret = "token-that-must-not-be-printed";

    private readonly DirectoryInfo top = Directory.CreateTempSubdirectory("stackblaze-links-");

    private string Folder => Path.Combine(top.FullName, "manifests");

    public ManifestReaderLinkTests() => Directory.CreateDirectory(Folder);

    public void Dispose() => top.Delete(recursive: true);

    [Fact]
    public void A_link_to_a_file_outside_the_folder_is_refused_without_reading_it()
    {
        var kubeconfig = Path.Combine(top.FullName, "kubeconfig");
        File.WriteAllText(kubeconfig, $"apiVersion: v1\nkind: Config\nusers:\n  - name: admin\n    user:\n      token: {Secret}\n");
        File.CreateSymbolicLink(Path.Combine(Folder, "config.yaml"), kubeconfig);

        var act = () => ManifestReader.ReadAll([Folder], TextReader.Null);

        act.Should().Throw<ManifestException>()
            .WithMessage($"{Path.Combine(Folder, "config.yaml")}: a link that leads out of {Folder} is not followed")
            .Which.Message.Should().NotContain(Secret);
    }

    [Fact]
    public void A_link_through_a_linked_folder_inside_is_judged_by_where_it_really_leads()
    {
        File.WriteAllText(Path.Combine(top.FullName, "outside.yaml"), "apiVersion: v1\nkind: ConfigMap\n");
        Directory.CreateSymbolicLink(Path.Combine(Folder, "up"), top.FullName);
        File.CreateSymbolicLink(Path.Combine(Folder, "sneaky.yaml"), Path.Combine("up", "outside.yaml"));

        var act = () => ManifestReader.ReadAll([Folder], TextReader.Null);

        act.Should().Throw<ManifestException>().WithMessage("*: a link that leads out of * is not followed");
    }

    [Fact]
    public void A_link_to_a_file_inside_the_folder_is_followed()
    {
        Directory.CreateDirectory(Path.Combine(Folder, "shared"));
        File.WriteAllText(Path.Combine(Folder, "shared", "map.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: shared\n");
        File.CreateSymbolicLink(Path.Combine(Folder, "linked.yaml"), Path.Combine("shared", "map.yaml"));

        var documents = ManifestReader.ReadAll([Folder], TextReader.Null);

        documents.Select(d => Path.GetFileName(d.Source)).Should().Equal("linked.yaml", "map.yaml");
    }

    [Fact]
    public void A_link_to_the_parent_folder_is_refused_rather_than_walked_in_a_loop()
    {
        Directory.CreateSymbolicLink(Path.Combine(Folder, "parent"), "..");

        var act = () => ManifestReader.ReadAll([Folder], TextReader.Null);

        act.Should().Throw<ManifestException>().WithMessage($"{Path.Combine(Folder, "parent")}: a link that leads out of {Folder} is not followed");
    }

    [Fact]
    public void A_link_to_the_folder_itself_is_not_walked_again()
    {
        File.WriteAllText(Path.Combine(Folder, "map.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: once\n");
        Directory.CreateSymbolicLink(Path.Combine(Folder, "self"), ".");

        ManifestReader.ReadAll([Folder], TextReader.Null).Should().ContainSingle().Which.Name.Should().Be("once");
    }

    [Fact]
    public void A_loop_of_links_is_refused_with_one_line()
    {
        File.CreateSymbolicLink(Path.Combine(Folder, "a.yaml"), "b.yaml");
        File.CreateSymbolicLink(Path.Combine(Folder, "b.yaml"), "a.yaml");

        var act = () => ManifestReader.ReadAll([Folder], TextReader.Null);

        act.Should().Throw<ManifestException>().WithMessage("*.yaml: a link that cannot be resolved (a loop of links?) is not followed");
    }

    [Fact]
    public void A_fifo_in_the_folder_is_skipped_unopened()
    {
        var fifo = Path.Combine(Folder, "pipe.yaml");
        using (var mkfifo = Process.Start("mkfifo", [fifo]))
        {
            mkfifo.WaitForExit();
        }
        File.WriteAllText(Path.Combine(Folder, "map.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: real\n");

        // Opening the FIFO would block with no writer: reaching the assertion is the test.
        ManifestReader.ReadAll([Folder], TextReader.Null).Should().ContainSingle().Which.Name.Should().Be("real");
    }
}
