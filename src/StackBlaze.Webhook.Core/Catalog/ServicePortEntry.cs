namespace StackBlaze.Webhook.Core.Catalog;

/// <summary>One port of a Service: what a link needs to choose it and name its protocol.</summary>
public sealed record ServicePortEntry(string? Name, int Port, string? AppProtocol)
{
    public override string ToString() => Name is null ? $"{Port}" : $"{Port} ({Name})";
}
