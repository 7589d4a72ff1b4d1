namespace StackBlaze.Webhook.Core.Catalog;

/// <summary>One port of a Service: what a link needs to choose it and name its protocol, and what a NetworkPolicy admits.</summary>
public sealed record ServicePortEntry(string? Name, int Port, string? AppProtocol)
{
    /// <summary>The pods' port, a number or a container port's name; null when it is <see cref="Port"/>.</summary>
    public string? TargetPort { get; init; }

    /// <summary><c>UDP</c> or <c>SCTP</c>; null for TCP.</summary>
    public string? Protocol { get; init; }

    /// <summary>
    /// Whether the port is for scraping: named <c>metrics</c>, or <c>*-metrics</c> / <c>metrics-*</c>
    /// as charts name them (<c>http-metrics</c>).
    /// </summary>
    public bool IsMetrics => Name is { } name
        && (name == "metrics" || name.EndsWith("-metrics", StringComparison.Ordinal) || name.StartsWith("metrics-", StringComparison.Ordinal));

    public override string ToString() => Name is null ? $"{Port}" : $"{Port} ({Name})";
}
