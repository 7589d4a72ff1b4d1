using StackBlaze.Webhook.Core.Patches;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace StackBlaze.Webhook.Core.Manifests;

/// <summary>
/// Where the values findings are about are written: each document's text is parsed again, once
/// for all of its findings and only when it has some, and only the nodes on the way to their JSON
/// Pointers are looked at. Nothing is kept of the other values, so a file of a million scalars
/// costs a second parse of its documents with findings, not a position for each scalar; the
/// reading of manifests, and the admission path that never reads YAML, pay nothing.
/// </summary>
internal sealed class ValuePositions
{
    private readonly Parser parser;
    // Every pointer asked and each of its ancestors: the only nodes entered.
    private readonly HashSet<string> onTheWay = new(StringComparer.Ordinal) { "" };
    private readonly Dictionary<string, ValuePosition> found = new(StringComparer.Ordinal);
    private int lineOffset;

    private ValuePositions(string text, IEnumerable<string> pointers)
    {
        parser = new Parser(new StringReader(text));
        foreach (var pointer in pointers)
        {
            for (var end = pointer.Length; end > 0; end = pointer.LastIndexOf('/', end - 1))
            {
                onTheWay.Add(pointer[..end]);
            }
        }
    }

    /// <summary>The findings, each with its value's position where it has a pointer that can be followed.</summary>
    public static IReadOnlyList<CheckFinding> Locate(IReadOnlyList<CheckFinding> findings)
    {
        // By the text read (a List's, for its items), compared by reference: one parse for all of its findings.
        IEqualityComparer<ManifestDocument> byReference = ReferenceEqualityComparer.Instance;
        var positions = findings.Where(finding => finding.ValuePointer is not null)
            .GroupBy(finding => finding.Document.List ?? finding.Document, byReference)
            .ToDictionary(group => group.Key, group => Find(group.Key, group.Select(PointerInText)), byReference);
        return [.. findings.Select(finding => finding.ValuePointer is null ? finding
            : finding with { Position = positions[finding.Document.List ?? finding.Document].GetValueOrDefault(PointerInText(finding)) })];
    }

    /// <summary>
    /// The position of each pointer of the document that starts <paramref name="document"/>'s text,
    /// or of its nearest ancestor written in the text (a value an alias or a merge key brought has
    /// none of its own); a pointer none of whose ancestors is written but the document is left out.
    /// </summary>
    public static IReadOnlyDictionary<string, ValuePosition> Find(ManifestDocument document, IEnumerable<string> pointers)
    {
        var asked = pointers.ToList();
        var reader = new ValuePositions(document.Text, asked);
        try
        {
            reader.parser.Consume<StreamStart>();
            // The text may start before the file's first line of it: lines are counted from the document's own.
            reader.lineOffset = document.Line - (int)reader.parser.Consume<DocumentStart>().Start.Line;
            reader.Walk("");
        }
        catch (YamlException)
        {
            // Text that is not YAML (an object read from a cluster) keeps what was found: those findings keep the object's line.
        }
        var positions = new Dictionary<string, ValuePosition>(StringComparer.Ordinal);
        foreach (var pointer in asked)
        {
            for (var end = pointer.Length; end > 0; end = pointer.LastIndexOf('/', end - 1))
            {
                if (reader.found.TryGetValue(pointer[..end], out var position))
                {
                    positions[pointer] = position;
                    break;
                }
            }
        }
        return positions;
    }

    private static string PointerInText(CheckFinding finding) => finding.Document.ItemPointer + finding.ValuePointer;

    private void Walk(string pointer)
    {
        var start = parser.Current!.Start;
        found[pointer] = new ValuePosition((int)start.Line + lineOffset, (int)start.Column);
        if (parser.TryConsume<MappingStart>(out _))
        {
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                if (!parser.TryConsume<Scalar>(out var key))
                {
                    parser.SkipThisAndNestedEvents();
                    parser.SkipThisAndNestedEvents();
                }
                // A key the reader refuses (null) was refused when the file was read: not here.
                else if (JsonPointer.Append(pointer, YamlScalars.Key(key)) is var child && onTheWay.Contains(child))
                {
                    Walk(child);
                }
                else
                {
                    parser.SkipThisAndNestedEvents();
                }
            }
        }
        else if (parser.TryConsume<SequenceStart>(out _))
        {
            for (var index = 0; !parser.TryConsume<SequenceEnd>(out _); index++)
            {
                if (JsonPointer.Append(pointer, index) is var child && onTheWay.Contains(child))
                {
                    Walk(child);
                }
                else
                {
                    parser.SkipThisAndNestedEvents();
                }
            }
        }
        else
        {
            parser.SkipThisAndNestedEvents();
        }
    }
}
