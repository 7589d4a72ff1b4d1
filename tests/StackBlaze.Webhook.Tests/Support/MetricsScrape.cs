using System.Globalization;

namespace StackBlaze.Webhook.Tests.Support;

/// <summary>One scrape of <c>/metrics</c>: each series (name and labels, as written) with its value.</summary>
internal sealed class MetricsScrape(IReadOnlyDictionary<string, double> series, string text)
{
    public string Text => text;

    public static async Task<MetricsScrape> TakeAsync(HttpClient client)
    {
        var answer = await client.GetAsync("/metrics");
        answer.EnsureSuccessStatusCode();
        var text = await answer.Content.ReadAsStringAsync();
        var series = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith('#')))
        {
            var space = line.LastIndexOf(' ');
            series[line[..space]] = double.Parse(line[(space + 1)..], CultureInfo.InvariantCulture);
        }
        return new MetricsScrape(series, text);
    }

    /// <summary>The value of a series, such as <c>name{a="b"}</c>; the series must exist.</summary>
    public double this[string name] => series.TryGetValue(name, out var value)
        ? value
        : throw new KeyNotFoundException($"no series {name} in:\n{text}");

    public bool Has(string name) => series.ContainsKey(name);

    public static string Requests(string endpoint, string operation, string outcome) =>
        $"stackblaze_webhook_admission_requests_total{{endpoint=\"{endpoint}\",operation=\"{operation}\",outcome=\"{outcome}\"}}";
}
