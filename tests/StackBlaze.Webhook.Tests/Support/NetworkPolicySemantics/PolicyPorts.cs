using System.Globalization;
using k8s.Models;

namespace StackBlaze.Webhook.Tests.Support.NetworkPolicySemantics;

/// <summary>
/// A rule's <c>ports</c>: none means every port; otherwise any entry may match, by number, by range
/// (<c>endPort</c>) or by a name the server pod's containers declare for that protocol (TCP by default).
/// </summary>
internal static class PolicyPorts
{
    public static bool Admit(IList<V1NetworkPolicyPort>? ports, ServerPort port, ClusterPod server) =>
        ports is not { Count: > 0 } || ports.Any(entry => Admits(entry, port, server));

    private static bool Admits(V1NetworkPolicyPort entry, ServerPort port, ClusterPod server)
    {
        var protocol = entry.Protocol ?? "TCP";
        if (entry.Port is null)
        {
            return entry.EndPort is null
                ? protocol == port.Protocol
                : throw new InvalidDataException($"the API server refuses endPort {entry.EndPort} without a port");
        }
        if (!int.TryParse(entry.Port.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            // A named port is resolved on the pod the connection goes to, for the rule's protocol.
            return entry.EndPort is null
                ? protocol == port.Protocol && server.Ports.Any(declared =>
                    declared.Name == entry.Port.Value && declared.Protocol == protocol && declared.Number == port.Number)
                : throw new InvalidDataException($"the API server refuses endPort {entry.EndPort} with the named port {entry.Port.Value}");
        }
        var last = entry.EndPort ?? number;
        return last < number
            ? throw new InvalidDataException($"the API server refuses endPort {last} below port {number}")
            : protocol == port.Protocol && number <= port.Number && port.Number <= last;
    }
}
