using System.CommandLine;
using StackBlaze.Webhook.Core.Conventions;
using StackBlaze.Webhook.Core.Limits;

namespace StackBlaze.Webhook.CommandLine;

/// <summary>
/// <c>--host-style</c> and <c>--cluster-domain</c>, which <c>serve</c> and the offline commands read alike,
/// so that a manifest checked in CI gets the names the cluster's webhook would inject.
/// </summary>
internal sealed class HostStyleOptions
{
    private readonly Option<HostStyle> _style = Cli.Described<HostStyle>(
        "--host-style", "internal|cluster",
        "How pods name a Service: internal (<service>.internal, through the CoreDNS rewrite; the default) or cluster (<service>.<namespace>.svc.<domain>, where CoreDNS cannot be edited).");
    private readonly Option<string> _clusterDomain = Cli.Described<string>(
        "--cluster-domain", "DOMAIN", $"The cluster's DNS domain, for --host-style cluster; default {ServiceHosts.DefaultClusterDomain}.");

    public HostStyleOptions(Command command)
    {
        _style.CustomParser = ParseStyle;
        _style.DefaultValueFactory = _ => HostStyle.Internal;
        _clusterDomain.DefaultValueFactory = _ => ServiceHosts.DefaultClusterDomain;
        _clusterDomain.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } domain && ServiceHosts.Create(HostStyle.Cluster, domain) is null)
            {
                result.AddError(domain.TrimEnd('.').Length > ServiceHosts.MaxClusterDomainLength
                    ? $"--cluster-domain must be at most {ServiceHosts.MaxClusterDomainLength} characters, so that every Service's host is a DNS name, not \"{BoundedText.Quote(domain)}\""
                    : $"--cluster-domain must be a DNS name such as {ServiceHosts.DefaultClusterDomain}, not \"{domain}\"");
            }
        });
        command.Options.Add(_style);
        command.Options.Add(_clusterDomain);
    }

    /// <summary>The hosts of a command line the parser accepted.</summary>
    public ServiceHosts Read(ParseResult parsed) =>
        ServiceHosts.Create(parsed.GetRequiredValue(_style), parsed.GetRequiredValue(_clusterDomain))!;

    // Lower case, as the help spells them; the enum's own parser would also take "Cluster" and "1".
    private static HostStyle ParseStyle(System.CommandLine.Parsing.ArgumentResult result)
    {
        var text = result.Tokens[0].Value;
        switch (text)
        {
            case "internal":
                return HostStyle.Internal;
            case "cluster":
                return HostStyle.Cluster;
            default:
                result.AddError($"--host-style must be internal or cluster, not \"{text}\"");
                return HostStyle.Internal;
        }
    }
}
