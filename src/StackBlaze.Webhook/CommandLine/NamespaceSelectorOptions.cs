using System.CommandLine;
using System.CommandLine.Parsing;
using k8s.Models;
using StackBlaze.Webhook.Core.NetworkPolicies;

namespace StackBlaze.Webhook.CommandLine;

/// <summary>
/// <c>--ingress-namespace-selector</c> and <c>--monitoring-namespace-selector</c>, which <c>serve</c>'s
/// reconciler and <c>network-policies</c> read alike, so that committed policies match the cluster's.
/// </summary>
internal sealed class NamespaceSelectorOptions
{
    private readonly Option<V1LabelSelector?> _ingress = Cli.Described<V1LabelSelector?>(
        "--ingress-namespace-selector", "KEY=VALUE,...", "The ingress controllers' namespaces: link policies admit them to public Services. Without it, no namespace.");
    private readonly Option<V1LabelSelector?> _monitoring = Cli.Described<V1LabelSelector?>(
        "--monitoring-namespace-selector", "KEY=VALUE,...", "The scrapers' namespaces: link policies admit them to metrics ports. Without it, no namespace.");

    public NamespaceSelectorOptions(Command command)
    {
        foreach (var option in new[] { _ingress, _monitoring })
        {
            option.CustomParser = Parse;
            command.Options.Add(option);
        }
    }

    public LinkPolicyOptions Read(ParseResult parsed) => new(parsed.GetValue(_ingress), parsed.GetValue(_monitoring));

    private static V1LabelSelector? Parse(ArgumentResult result)
    {
        var selector = LabelSelectorText.Parse(result.Tokens[0].Value, out var error);
        if (error is not null)
        {
            result.AddError($"{((OptionResult)result.Parent!).Option.Name}: {error}");
        }
        return selector;
    }
}
