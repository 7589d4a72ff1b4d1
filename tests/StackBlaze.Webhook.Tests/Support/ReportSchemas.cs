using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Json.Schema;

namespace StackBlaze.Webhook.Tests.Support;

/// <summary>
/// The published schemas of <c>check</c>'s CI reports, vendored in Fixtures/Schemas (its README
/// names their sources): a report they refuse fails the test with the schema's reasons.
/// </summary>
internal static class ReportSchemas
{
    // Built once: building registers the schema under its $id, which a second build would find taken.
    private static readonly Lazy<JsonSchema> Sarif = new(() =>
        JsonSchema.FromText(File.ReadAllText(RepositoryPaths.Fixture("Schemas", "sarif-schema-2.1.0.json"))));

    private static readonly Lazy<XmlSchemaSet> Junit = new(() =>
    {
        var schemas = new XmlSchemaSet();
        using var xsd = XmlReader.Create(RepositoryPaths.Fixture("Schemas", "jenkins-junit-10.xsd"));
        schemas.Add(null, xsd);
        schemas.Compile();
        return schemas;
    });

    /// <summary>The SARIF log, once the SARIF 2.1.0 schema accepts it (formats such as uri-reference checked too).</summary>
    public static JsonElement ValidSarif(string text)
    {
        var sarif = JsonElement.Parse(text);
        var result = Sarif.Value.Evaluate(sarif, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        var errors = (result.Details ?? []).Where(detail => detail.Errors is not null)
            .SelectMany(detail => detail.Errors!.Select(error => $"{detail.InstanceLocation}: {error.Value}"));
        result.IsValid.Should().BeTrue(string.Join("; ", errors));
        return sarif;
    }

    /// <summary>The JUnit report, once the Jenkins JUnit schema accepts it.</summary>
    public static XDocument ValidJunit(string text)
    {
        var report = XDocument.Parse(text);
        var errors = new List<string>();
        report.Validate(Junit.Value, (_, e) => errors.Add(e.Message));
        errors.Should().BeEmpty();
        return report;
    }
}
