using CsCheck;
using StackBlaze.Webhook.Core.Links;

namespace StackBlaze.Webhook.Tests.Links;

/// <summary>
/// The grammar against generated input: it never throws, and whatever it accepts reads back the
/// same once written out again. CsCheck prints the seed of any failure, to replay it.
/// </summary>
public class LinkGrammarPropertyTests
{
    private const int Iterations = 20_000;

    /// <summary>Characters the grammar cares about, and some it must not trip on.</summary>
    private static readonly Gen<string> GrammarishText = Gen.Frequency<char>(
        (3, Gen.Char["abcxyz019-_=:,/. \tABZ"]),
        (1, Gen.Char["\u0000\u00e9\u0130\u212a\u200b\u202e\ud800\udc00\u3000\n"]),
        (1, Gen.Char))
        .Array[0, 40].Select(chars => new string(chars));

    private static readonly Gen<string> ServiceName =
        Gen.Select(Gen.Char['a', 'z'], Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789-"].Array[0, 20], Gen.Char["abz09"],
            (first, middle, last) => first + new string(middle) + last);

    private static readonly Gen<string?> Port = Gen.Frequency<string?>(
        (2, Gen.Const((string?)null)),
        (2, Gen.Int[1, 65535].Select(p => (string?)p.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        (1, Gen.OneOf<string?>("http", "grpc-api", "tcp-postgres", "x1")));

    private static readonly Gen<string?> EnvName = Gen.Frequency<string?>(
        (2, Gen.Const((string?)null)),
        (1, Gen.Select(Gen.Char["ABCXYZ_"], Gen.Char["ABCXYZ019_"].Array[0, 12], (first, rest) => (string?)(first + new string(rest)))));

    private static readonly Gen<string> Blank = Gen.Char[" \t"].Array[0, 2].Select(chars => new string(chars));

    private static readonly Gen<LinkEntry> Entry =
        Gen.Select(EnvName, ServiceName, Port, (env, service, port) => new LinkEntry(Render(env, service, port), env, service, port));

    [Fact]
    public void Parse_never_throws_on_any_string()
    {
        Gen.OneOf(Gen.String, GrammarishText).Sample(text =>
        {
            var result = LinkGrammar.Parse(text);
            (result.Entries.Count + result.Errors.Count).Should().BeLessThanOrEqualTo(text.Length);
        }, iter: Iterations);
    }

    [Fact]
    public void What_parse_accepts_from_any_string_reads_back_the_same()
    {
        GrammarishText.Sample(text =>
        {
            var entries = LinkGrammar.Parse(text).Entries;

            var again = LinkGrammar.Parse(Render(entries, ", "));

            again.Errors.Should().BeEmpty();
            Parts(again.Entries).Should().Equal(Parts(entries));
        }, iter: Iterations);
    }

    [Fact]
    public void Generated_valid_entries_parse_to_themselves_whatever_the_white_space()
    {
        Gen.Select(Entry.Array[1, 6], Blank, Blank).Sample((entries, before, after) =>
        {
            var text = string.Join(",", entries.Select(e => before + e.Text + after));

            var result = LinkGrammar.Parse(text);

            result.Errors.Should().BeEmpty(text);
            result.Entries.Should().Equal(entries);
        }, iter: Iterations);
    }

    private static (string?, string, string?)[] Parts(IEnumerable<LinkEntry> entries) =>
        [.. entries.Select(e => (e.EnvName, e.Service, e.Port))];

    private static string Render(IEnumerable<LinkEntry> entries, string separator) =>
        string.Join(separator, entries.Select(e => Render(e.EnvName, e.Service, e.Port)));

    private static string Render(string? env, string service, string? port) =>
        (env is null ? "" : env + "=") + service + (port is null ? "" : ":" + port);
}
