using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace StackBlaze.Webhook.Manifests;

/// <summary>Reads Kubernetes manifests from YAML (or JSON) files, folders and standard input.</summary>
public static class ManifestReader
{
    public const string StandardInput = "-";

    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    /// <summary>Every document of every path: files, folders (recursively, in name order), or "-".</summary>
    public static IReadOnlyList<ManifestDocument> ReadAll(IEnumerable<string> paths, TextReader standardInput)
    {
        var documents = new List<ManifestDocument>();
        foreach (var path in paths)
        {
            if (path == StandardInput)
            {
                documents.AddRange(Parse(standardInput.ReadToEnd(), StandardInput));
            }
            else if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal))
                {
                    documents.AddRange(Parse(File.ReadAllText(file), file));
                }
            }
            else if (File.Exists(path))
            {
                documents.AddRange(Parse(File.ReadAllText(path), path));
            }
            else
            {
                throw new ManifestException($"{path}: no such file or folder");
            }
        }
        return documents;
    }

    /// <summary>The documents of one YAML stream; empty documents are skipped.</summary>
    public static IReadOnlyList<ManifestDocument> Parse(string content, string source)
    {
        var documents = new List<ManifestDocument>();
        var parser = new Parser(new StringReader(content));
        try
        {
            parser.Consume<StreamStart>();
            while (parser.Accept<DocumentStart>(out var start))
            {
                var line = (int)start.Start.Line;
                var value = YamlToJson.ReadDocument(parser);
                var end = parser.Accept<DocumentStart>(out var next) ? (int)next.Start.Index : content.Length;
                if (value is null)
                {
                    continue;
                }
                if (value is not JsonObject body || body["kind"] is null || body["apiVersion"] is null)
                {
                    throw new ManifestException($"{source}:{line}: not a Kubernetes object (apiVersion and kind are needed)");
                }
                documents.Add(new ManifestDocument(source, line, body, content[(int)start.Start.Index..end]));
            }
        }
        catch (YamlException e)
        {
            throw new ManifestException($"{source}:{e.Start.Line}:{e.Start.Column}: not valid YAML: {Innermost(e).Message}", e);
        }
        return documents;
    }

    private static Exception Innermost(Exception e) => e.InnerException is null ? e : Innermost(e.InnerException);
}
