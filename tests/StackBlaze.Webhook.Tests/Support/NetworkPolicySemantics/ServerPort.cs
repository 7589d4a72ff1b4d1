namespace StackBlaze.Webhook.Tests.Support.NetworkPolicySemantics;

/// <summary>The port and protocol a connection is made to, on the server pod.</summary>
internal sealed record ServerPort(int Number, string Protocol = "TCP")
{
    public override string ToString() => $"{Number}/{Protocol}";
}
