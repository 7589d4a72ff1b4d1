using System.Globalization;
using System.Text;
using System.Xml;
using StackBlaze.Webhook.Core.Manifests;

namespace StackBlaze.Webhook.CommandLine.Reports;

/// <summary>
/// <c>--output junit</c>: a test suite per file, a test case per object judged, a <c>failure</c>
/// per violation (its type the rule's id, its text <c>file:line:column</c> and the finding), and
/// warnings as the case's <c>system-out</c>, which Jenkins, GitLab and GitHub's test reporters
/// show beside a passed case without failing it.
/// </summary>
internal static class JunitReport
{
    private static readonly XmlWriterSettings Settings = new() { Indent = true, Encoding = new UTF8Encoding(false) };

    public static void Write(CheckReport report, TextWriter output)
    {
        IEqualityComparer<ManifestDocument> byReference = ReferenceEqualityComparer.Instance;
        var findings = report.Findings.ToLookup(f => f.Document, byReference);
        using (var xml = XmlWriter.Create(output, Settings))
        {
            xml.WriteStartElement("testsuites");
            xml.WriteAttributeString("name", "stackblaze-webhook check");
            WriteCounts(xml, report.Checked, findings);
            foreach (var file in report.Checked.GroupBy(document => document.Source, StringComparer.Ordinal))
            {
                xml.WriteStartElement("testsuite");
                xml.WriteAttributeString("name", XmlSafeText.Of(file.Key));
                WriteCounts(xml, [.. file], findings);
                xml.WriteAttributeString("file", XmlSafeText.Of(file.Key));
                foreach (var document in file)
                {
                    WriteCase(xml, document, [.. findings[document]]);
                }
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        output.WriteLine();
    }

    private static void WriteCounts(XmlWriter xml, IReadOnlyList<ManifestDocument> documents, ILookup<ManifestDocument, CheckFinding> findings)
    {
        xml.WriteAttributeString("tests", documents.Count.ToString(CultureInfo.InvariantCulture));
        var failed = documents.Count(document => findings[document].Any(f => f.IsViolation));
        xml.WriteAttributeString("failures", failed.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("errors", "0");
        xml.WriteAttributeString("time", "0");
    }

    private static void WriteCase(XmlWriter xml, ManifestDocument document, IReadOnlyList<CheckFinding> findings)
    {
        xml.WriteStartElement("testcase");
        var name = document.Namespace is { } ns ? $"{document.Kind}/{document.Name} (namespace {ns})" : $"{document.Kind}/{document.Name}";
        xml.WriteAttributeString("name", XmlSafeText.Of(name));
        xml.WriteAttributeString("classname", XmlSafeText.Of(document.Source));
        xml.WriteAttributeString("time", "0");
        foreach (var violation in findings.Where(f => f.IsViolation))
        {
            xml.WriteStartElement("failure");
            xml.WriteAttributeString("type", FindingRules.Id(violation.Rule));
            xml.WriteAttributeString("message", XmlSafeText.Of(violation.Message));
            xml.WriteString(XmlSafeText.Of(Located(violation)));
            xml.WriteEndElement();
        }
        if (findings.Any(f => !f.IsViolation))
        {
            xml.WriteElementString("system-out", XmlSafeText.Of(string.Join('\n', findings.Where(f => !f.IsViolation).Select(f => $"warning: {Located(f)}"))));
        }
        xml.WriteEndElement();
    }

    // As compilers write it, which CI log viewers link: file:line:column: where: what.
    private static string Located(CheckFinding finding) =>
        $"{finding.Document.Source}:{finding.Line}{(finding.Position is { } p ? $":{p.Column}" : "")}: {finding.Where}: {finding.Message}";
}
