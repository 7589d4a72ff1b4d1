using System.CommandLine;
using StackBlaze.Webhook.Core.NetworkPolicies;

namespace StackBlaze.Webhook.CommandLine;

/// <summary><c>network-policies</c>: the policies <c>serve</c> keeps for opted-in projects, for manifests, to commit instead.</summary>
internal sealed class NetworkPoliciesCommand : Command
{
    public NetworkPoliciesCommand(TextReader stdin)
        : base("network-policies", "Prints the NetworkPolicies that admit only linked pods to each Service of the manifests, as serve keeps them.")
    {
        var manifests = new ManifestOptions(this, namesHosts: false);
        var selectors = new NamespaceSelectorOptions(this);
        SetAction(parsed =>
        {
            var input = manifests.Read(parsed, stdin);
            parsed.InvocationConfiguration.Output.Write(
                ManifestLinkPolicies.Write(input.Documents, input.CatalogDocuments, input.DefaultNamespace, selectors.Read(parsed)));
            return Cli.ExitOk;
        });
    }
}
