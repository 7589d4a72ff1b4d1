using k8s.Models;

namespace StackBlaze.Webhook.Tests.Support.NetworkPolicySemantics;

/// <summary>The NetworkPolicy evaluator, on the Kubernetes documentation's examples and the edges of its rules.</summary>
public sealed class ClusterNetworkTests
{
    private static readonly IReadOnlyList<object> Cluster = Fixture("cluster.yaml");

    [Fact]
    public void Pods_no_policy_selects_accept_every_connection()
    {
        var network = ClusterNetwork.Of(Cluster);

        Admits(network, "other/frontend", "default/db", 6379).Should().BeTrue();
        Admits(network, "default/db", "alice/stranger", 1, "UDP").Should().BeTrue();
    }

    [Fact]
    public void Default_deny_ingress_refuses_every_client_and_leaves_egress_open()
    {
        var network = Network(DefaultDenyIngress);

        Admits(network, "default/frontend", "default/db", 6379).Should().BeFalse();
        Admits(network, "alice/client", "default/client", 80).Should().BeFalse();
        Admits(network, "default/db", "other/frontend", 80).Should().BeTrue();
    }

    [Fact]
    public void Allow_all_ingress_admits_every_client_beside_a_default_deny()
    {
        var network = Network(DefaultDenyIngress, Policy("""
              ingress:
                - {}
              policyTypes:
                - Ingress
            """, podSelector: "{}"));

        Admits(network, "alice/stranger", "default/db", 1, "SCTP").Should().BeTrue();
    }

    [Fact]
    public void The_documentation_example_admits_its_sources_on_its_one_port_and_isolates_egress()
    {
        var network = ClusterNetwork.Of([.. Cluster, .. Fixture("documentation-example.yaml")]);

        Admits(network, "default/frontend", "default/db", 6379).Should().BeTrue("podSelector alone picks pods of the policy's namespace");
        Admits(network, "myproject/worker", "default/db", 6379).Should().BeTrue("namespaceSelector alone picks every pod of its namespaces");
        Admits(network, "other/frontend", "default/db", 6379).Should().BeFalse("role=frontend is picked in the policy's namespace only");
        Admits(network, "default/client", "default/db", 6379).Should().BeFalse();
        Admits(network, "default/frontend", "default/db", 6380).Should().BeFalse();
        Admits(network, "default/frontend", "default/db", 6379, "UDP").Should().BeFalse();
        Admits(network, "default/frontend", "default/dns", 6379).Should().BeTrue("pods the policy does not select stay open");
        Admits(network, "default/db", "default/frontend", 5978).Should().BeFalse("db's egress goes to an ipBlock only, which matches no pod");
    }

    [Fact]
    public void Namespace_and_pod_selectors_in_one_peer_pick_those_pods_in_those_namespaces()
    {
        var network = Network(Policy("""
              ingress:
                - from:
                    - namespaceSelector:
                        matchLabels:
                          user: alice
                      podSelector:
                        matchLabels:
                          role: client
            """));

        Admits(network, "alice/client", "default/db", 6379).Should().BeTrue();
        Admits(network, "default/client", "default/db", 6379).Should().BeFalse();
        Admits(network, "alice/stranger", "default/db", 6379).Should().BeFalse();
    }

    [Fact]
    public void Namespace_and_pod_selectors_in_two_peers_pick_either()
    {
        var network = Network(Policy("""
              ingress:
                - from:
                    - namespaceSelector:
                        matchLabels:
                          user: alice
                    - podSelector:
                        matchLabels:
                          role: client
            """));

        Admits(network, "alice/client", "default/db", 6379).Should().BeTrue();
        Admits(network, "default/client", "default/db", 6379).Should().BeTrue();
        Admits(network, "alice/stranger", "default/db", 6379).Should().BeTrue();
        Admits(network, "other/frontend", "default/db", 6379).Should().BeFalse();
        Admits(network, "default/frontend", "default/db", 6379).Should().BeFalse();
    }

    [Fact]
    public void Rules_are_alternatives_that_do_not_mix_their_sources_and_ports()
    {
        var network = Network(Policy("""
              ingress:
                - from:
                    - podSelector:
                        matchLabels:
                          role: frontend
                  ports:
                    - port: 80
                - from:
                    - podSelector:
                        matchLabels:
                          role: client
                  ports:
                    - port: 443
                    - port: 8443
            """));

        Admits(network, "default/frontend", "default/db", 80).Should().BeTrue();
        Admits(network, "default/client", "default/db", 8443).Should().BeTrue();
        Admits(network, "default/frontend", "default/db", 443).Should().BeFalse();
        Admits(network, "default/client", "default/db", 80).Should().BeFalse();
    }

    [Fact]
    public void A_rule_without_from_admits_every_source_on_its_ports()
    {
        var network = Network(Policy("""
              ingress:
                - ports:
                    - port: 6379
            """));

        Admits(network, "other/frontend", "default/db", 6379).Should().BeTrue();
        Admits(network, "other/frontend", "default/db", 6378).Should().BeFalse();
    }

    [Fact]
    public void Named_ports_resolve_on_each_server_pod_for_the_rule_protocol()
    {
        var network = Network(Policy("""
              ingress:
                - ports:
                    - port: redis
                    - port: dns
                      protocol: UDP
                    - port: metrics
                      protocol: UDP
            """, podSelector: "{}"));

        Admits(network, "default/frontend", "default/db", 6379).Should().BeTrue();
        Admits(network, "default/frontend", "default/db-moved", 6380).Should().BeTrue();
        Admits(network, "default/frontend", "default/db-moved", 6379).Should().BeFalse("db-moved's port named redis is 6380");
        Admits(network, "default/frontend", "default/dns", 53, "UDP").Should().BeTrue();
        Admits(network, "default/frontend", "default/dns", 53).Should().BeFalse("the rule names dns for UDP");
        Admits(network, "default/frontend", "default/dns", 9153, "UDP").Should().BeFalse("metrics is a TCP port and the rule names it for UDP");
        Admits(network, "default/frontend", "default/frontend", 6379).Should().BeTrue("a pod always reaches itself");
        Admits(network, "default/client", "default/frontend", 6379).Should().BeFalse("frontend has no port named redis");
    }

    [Fact]
    public void End_port_admits_the_range_with_both_its_ends()
    {
        var network = Network(Policy("""
              ingress:
                - ports:
                    - protocol: TCP
                      port: 32000
                      endPort: 32768
            """));

        Admits(network, "default/client", "default/db", 32000).Should().BeTrue();
        Admits(network, "default/client", "default/db", 32768).Should().BeTrue();
        Admits(network, "default/client", "default/db", 31999).Should().BeFalse();
        Admits(network, "default/client", "default/db", 32769).Should().BeFalse();
    }

    [Fact]
    public void Rules_admit_only_their_protocol_which_is_TCP_unless_written()
    {
        var network = Network(Policy("""
              ingress:
                - ports:
                    - port: 53
                      protocol: UDP
                    - port: 6379
                    - protocol: SCTP
            """));

        Admits(network, "default/client", "default/db", 53, "UDP").Should().BeTrue();
        Admits(network, "default/client", "default/db", 53).Should().BeFalse();
        Admits(network, "default/client", "default/db", 6379).Should().BeTrue();
        Admits(network, "default/client", "default/db", 6379, "UDP").Should().BeFalse();
        Admits(network, "default/client", "default/db", 9, "SCTP").Should().BeTrue("a protocol without a port takes all its ports");
    }

    [Fact]
    public void Policies_isolate_pods_of_their_own_namespace_only()
    {
        var network = Network(DefaultDenyAll("alice"));

        Admits(network, "other/frontend", "default/db", 6379).Should().BeTrue();
        Admits(network, "default/frontend", "alice/client", 80).Should().BeFalse();
        Admits(network, "alice/client", "default/frontend", 80).Should().BeFalse();
    }

    [Fact]
    public void Default_deny_egress_refuses_a_connection_the_server_would_admit()
    {
        var network = Network(Policy("""
              policyTypes:
                - Egress
            """, ns: "alice", podSelector: "{}"), Policy("""
              egress:
                - to:
                    - namespaceSelector: {}
                      podSelector:
                        matchLabels:
                          role: db
                  ports:
                    - port: redis
            """, ns: "alice", podSelector: "{matchLabels: {role: client}}"));

        Admits(network, "alice/client", "default/db", 6379).Should().BeTrue();
        Admits(network, "alice/client", "default/db-moved", 6380).Should().BeTrue("a named port of an egress rule resolves on the server pod");
        Admits(network, "alice/client", "default/frontend", 6379).Should().BeFalse();
        Admits(network, "alice/stranger", "default/db", 6379).Should().BeFalse();
        Admits(network, "alice/stranger", "alice/client", 6379).Should().BeFalse("egress-to-db also isolates alice/client for ingress");
    }

    [Fact]
    public void A_policy_with_egress_rules_and_no_policy_types_isolates_both_directions()
    {
        var network = Network(Policy("""
              egress:
                - {}
            """));

        Admits(network, "default/client", "default/db", 6379).Should().BeFalse();
        Admits(network, "default/db", "default/client", 6379).Should().BeTrue();
    }

    [Fact]
    public void A_policy_with_an_empty_egress_and_no_policy_types_leaves_egress_open()
    {
        var network = Network(Policy("""
              egress: []
              ingress:
                - {}
            """, podSelector: "{}"));

        Admits(network, "default/db", "other/frontend", 80).Should().BeTrue();
    }

    [Fact]
    public void A_pod_always_reaches_itself()
    {
        var network = Network(DefaultDenyAll("default"));

        Admits(network, "default/db", "default/db", 6379).Should().BeTrue();
        Admits(network, "default/db", "default/db-moved", 6379).Should().BeFalse();
    }

    [Fact]
    public void Namespaces_carry_their_name_label_for_namespace_selectors()
    {
        var network = Network(Policy("""
              ingress:
                - from:
                    - namespaceSelector:
                        matchLabels:
                          kubernetes.io/metadata.name: other
            """));

        Admits(network, "other/frontend", "default/db", 6379).Should().BeTrue();
        Admits(network, "default/frontend", "default/db", 6379).Should().BeFalse();
    }

    [Theory]
    [InlineData("{key: role, operator: In, values: [db, client]}", true)]
    [InlineData("{key: role, operator: In, values: [client]}", false)]
    [InlineData("{key: role, operator: NotIn, values: [client]}", true)]
    [InlineData("{key: role, operator: NotIn, values: [db]}", false)]
    [InlineData("{key: tier, operator: NotIn, values: [db]}", true)]
    [InlineData("{key: role, operator: Exists}", true)]
    [InlineData("{key: tier, operator: Exists}", false)]
    [InlineData("{key: tier, operator: DoesNotExist}", true)]
    [InlineData("{key: role, operator: DoesNotExist}", false)]
    public void Selector_expressions_match_as_Kubernetes_matches_them(string expression, bool matches)
    {
        var network = Network(Policy("", podSelector: $"{{matchLabels: {{role: db}}, matchExpressions: [{expression}]}}"));

        Admits(network, "default/client", "default/db", 6379).Should().Be(!matches, "a selected pod is isolated with no rule to admit");
    }

    [Fact]
    public void Any_pod_of_a_namespace_is_an_answer_only_when_its_labels_do_not_matter()
    {
        var network = Network(Policy("""
              ingress:
                - from:
                    - namespaceSelector:
                        matchLabels:
                          project: myproject
                    - namespaceSelector:
                        matchLabels:
                          user: alice
                      podSelector:
                        matchLabels:
                          role: client
            """));
        var db = Pod("default/db");

        network.AdmitsAnyPodOf("myproject", db, new ServerPort(6379)).Should().BeTrue();
        network.AdmitsAnyPodOf("other", db, new ServerPort(6379)).Should().BeFalse();
        var alice = () => network.AdmitsAnyPodOf("alice", db, new ServerPort(6379));
        alice.Should().Throw<InvalidOperationException>().WithMessage("whether a pod of alice reaches default/db on 6379/TCP depends on labels*");
    }

    [Theory]
    [InlineData("- from: [{}]", "*neither selector nor ipBlock*")]
    [InlineData("- from: [{ipBlock: {cidr: 10.0.0.0/8}, podSelector: {}}]", "*ipBlock and a selector*")]
    [InlineData("- ports: [{port: redis, endPort: 6400}]", "*endPort 6400 with the named port redis*")]
    [InlineData("- ports: [{port: 6400, endPort: 6379}]", "*endPort 6379 below port 6400*")]
    [InlineData("- ports: [{endPort: 6379}]", "*endPort 6379 without a port*")]
    [InlineData("- from: [{podSelector: {matchExpressions: [{key: role, operator: In}]}}]", "*role In []*")]
    [InlineData("- from: [{podSelector: {matchExpressions: [{key: role, operator: Exists, values: [db]}]}}]", "*role Exists [db]*")]
    [InlineData("- from: [{podSelector: {matchExpressions: [{key: role, operator: Equals, values: [db]}]}}]", "*role Equals [db]*")]
    public void Policies_the_API_server_refuses_are_errors_rather_than_guesses(string rule, string message)
    {
        var network = Network(Policy($"""
              ingress:
                {rule}
            """));

        var admits = () => Admits(network, "default/frontend", "default/db", 6379);

        admits.Should().Throw<InvalidDataException>().WithMessage("the API server refuses " + message);
    }

    // The documentation's default policies.
    private static readonly string DefaultDenyIngress = Policy("""
          policyTypes:
            - Ingress
        """, podSelector: "{}");

    private static string DefaultDenyAll(string ns) => Policy("""
          policyTypes:
            - Ingress
            - Egress
        """, ns, "{}");

    // A policy of ns selecting podSelector (flow YAML), with the spec lines given after it.
    private static string Policy(string rest, string ns = "default", string podSelector = "{matchLabels: {role: db}}") => $"""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: under-test
          namespace: {ns}
        spec:
          podSelector: {podSelector}
        {rest}
        """;

    private static ClusterNetwork Network(params string[] policies) =>
        ClusterNetwork.Of([.. Cluster, .. policies.SelectMany(policy => TypedManifests.Load(policy, "policy.yaml"))]);

    private static bool Admits(ClusterNetwork network, string client, string server, int port, string protocol = "TCP") =>
        network.Admits(Pod(client), Pod(server), new ServerPort(port, protocol));

    private static ClusterPod Pod(string reference) =>
        Cluster.OfType<V1Pod>().Select(ClusterPod.From).Single(pod => pod.ToString() == reference);

    private static IReadOnlyList<object> Fixture(string name)
    {
        var path = RepositoryPaths.Fixture("NetworkPolicySemantics", name);
        return TypedManifests.Load(File.ReadAllText(path), path);
    }
}
