using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace StackBlaze.Webhook.Core.Manifests;

/// <summary>
/// Writes JSON as one YAML document, the twin of <see cref="YamlToJson"/>: keys in the JSON's
/// order, block style (<c>{}</c> and <c>[]</c> when empty), numbers as their JSON text, and
/// strings quoted whenever a YAML 1.1 or 1.2 reader (go-yaml, which Kubernetes uses, is 1.1)
/// would read them as something else. Events for YamlDotNet's emitter, no serializer: nothing
/// reflects, so it works under NativeAOT.
/// </summary>
internal static partial class JsonToYaml
{
    // Sequences indented as our manifests are; no line width, so no value is ever folded.
    private static readonly EmitterSettings Settings = new(
        bestIndent: 2, bestWidth: int.MaxValue, isCanonical: false, maxSimpleKeyLength: 1024, indentSequences: true, newLine: "\n");

    private static readonly SearchValues<char> LineBreaks = SearchValues.Create("\r\n\u0085\u2028\u2029");

    private static readonly SearchValues<char> TabOrByteOrderMark = SearchValues.Create("\t\ufeff");

    /// <summary>The document, without <c>---</c>, ending in a line break.</summary>
    public static string Write(JsonNode? node)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        var emitter = new Emitter(text, Settings);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        WriteNode(emitter, node);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    private static void WriteNode(Emitter emitter, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, true, obj.Count == 0 ? MappingStyle.Flow : MappingStyle.Block));
                foreach (var (key, value) in obj)
                {
                    emitter.Emit(StringScalar(key, isKey: true));
                    WriteNode(emitter, value);
                }
                emitter.Emit(new MappingEnd());
                break;
            case JsonArray array:
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, array.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in array)
                {
                    WriteNode(emitter, item);
                }
                emitter.Emit(new SequenceEnd());
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                emitter.Emit(StringScalar(value.GetValue<string>(), isKey: false));
                break;
            default:
                // JSON spells numbers, true, false and null as plain YAML reads them.
                emitter.Emit(Scalar(node?.ToJsonString() ?? "null", ScalarStyle.Plain));
                break;
        }
    }

    private static Scalar StringScalar(string text, bool isKey)
    {
        if (ReadsAsAnotherType(text) || TripsAReader(text))
        {
            return Scalar(text, ScalarStyle.DoubleQuoted);
        }
        if (text.AsSpan().IndexOfAny(LineBreaks) >= 0)
        {
            return Scalar(text, !isKey && IsLiteralFriendly(text) ? ScalarStyle.Literal : ScalarStyle.DoubleQuoted);
        }
        // The emitter still quotes what plain YAML cannot hold: "a: b", "- x", "#x", "x #y", " x".
        return Scalar(text, ScalarStyle.Plain);
    }

    private static Scalar Scalar(string text, ScalarStyle style) =>
        new(AnchorName.Empty, TagName.Empty, text, style, isPlainImplicit: true, isQuotedImplicit: true);

    private static bool ReadsAsAnotherType(string text) =>
        text.Length == 0 || ReservedWord().IsMatch(text) || StartsLikeANumber().IsMatch(text);

    // What the emitter writes plain but readers misread: tabs at either end are trimmed, a plain key
    // holding a tab or " *" is taken for text by YamlDotNet's reader, and go-yaml skips a byte order
    // mark that starts a line.
    private static bool TripsAReader(string text) =>
        text.AsSpan().IndexOfAny(TabOrByteOrderMark) >= 0 || text.Contains(" *", StringComparison.Ordinal);

    /// <summary>
    /// Multi-line text a literal block keeps exact and readable: no blank line start (it would need an
    /// indentation indicator), no spaces before a break (editors strip them), and only characters the
    /// block holds as they are.
    /// </summary>
    private static bool IsLiteralFriendly(string text) =>
        text[0] is not (' ' or '\n') && !text.Contains(" \n", StringComparison.Ordinal) && text.All(IsLiteralCharacter);

    // YAML's printable characters less what a literal block would change: breaks other than \n (the
    // emitter writes them as \n) and surrogates (astral characters are escaped in double quotes instead).
    private static bool IsLiteralCharacter(char c) =>
        c == '\n'
        || (c is (>= ' ' and <= '~') or (>= '\u00a0' and <= '\ud7ff') or (>= '\ue000' and <= '\ufffd') && c is not ('\u2028' or '\u2029'));

    // The null and boolean words of YAML 1.1 and 1.2 in any case, and 1.1's merge (<<) and value (=) keys.
    [GeneratedRegex(@"^(~|null|true|false|yes|no|on|off|y|n|<<|=)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReservedWord();

    // go-yaml gives whatever starts like a number to Go's parsers, which take 0x1F, 0o17, 0755, 1_000,
    // 1e3, -Inf and 0x1p3, after dropping every underscore (so "+_0" is 0); YAML 1.1 adds 1:30, .inf,
    // .nan and dates (2024-01-01). Quoting a harmless "10Gi" too is the price of not listing every such form.
    [GeneratedRegex(@"^([-+]?[._]*[0-9]|[-+]?\.(inf|nan)|[-+](inf|nan))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StartsLikeANumber();
}
