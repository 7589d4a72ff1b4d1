using System.Text.RegularExpressions;
using k8s.Models;
using StackBlaze.Webhook.Core.Catalog;
using StackBlaze.Webhook.Core.Conventions;
using StackBlaze.Webhook.Core.Manifests;
using StackBlaze.Webhook.Core.Policy;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Deploy;

/// <summary>
/// The ValidatingAdmissionPolicy that keeps a Namespace's stackblaze.io/ labels the platform's.
/// No API server runs here, so its CEL is read, not evaluated: its structure, the group it names,
/// and its list of modes tied to what <see cref="PolicyModes"/> parses.
/// </summary>
public sealed partial class ProjectLabelPolicyTests(RenderedOverlays overlays) : IClassFixture<RenderedOverlays>
{
    private const string GuardedPrefix = "stackblaze.io/";

    [Theory]
    [MemberData(nameof(RenderedOverlays.All), MemberType = typeof(RenderedOverlays))]
    public void Policy_checks_every_namespace_create_and_update_and_refuses_when_it_cannot_decide(string overlay)
    {
        var policy = overlays[overlay].One<V1ValidatingAdmissionPolicy>();

        policy.Spec.FailurePolicy.Should().Be("Fail");
        policy.Spec.ParamKind.Should().BeNull("nothing the policy needs may go missing at run time");
        policy.Spec.MatchConditions.Should().BeNullOrEmpty();
        var rule = policy.Spec.MatchConstraints.ResourceRules.Should().ContainSingle().Subject;
        rule.ApiGroups.Should().Equal("");
        rule.ApiVersions.Should().Equal("v1");
        rule.Resources.Should().Equal("namespaces");
        rule.Operations.Should().BeEquivalentTo("CREATE", "UPDATE");
        policy.Spec.MatchConstraints.NamespaceSelector?.MatchExpressions.Should().BeNullOrEmpty();
        policy.Spec.MatchConstraints.ObjectSelector?.MatchExpressions.Should().BeNullOrEmpty();
    }

    [Theory]
    [MemberData(nameof(RenderedOverlays.All), MemberType = typeof(RenderedOverlays))]
    public void Binding_denies_with_the_policy_everywhere(string overlay)
    {
        var manifests = overlays[overlay];
        var binding = manifests.One<V1ValidatingAdmissionPolicyBinding>();

        binding.Spec.PolicyName.Should().Be(manifests.One<V1ValidatingAdmissionPolicy>().Metadata.Name);
        binding.Spec.ValidationActions.Should().Equal("Deny");
        binding.Spec.MatchResources.Should().BeNull("the policy's own constraints say what it sees");
        binding.Spec.ParamRef.Should().BeNull();
    }

    [Theory]
    [MemberData(nameof(RenderedOverlays.All), MemberType = typeof(RenderedOverlays))]
    public void Platform_group_is_the_one_set_in_label_access_yaml(string overlay)
    {
        var settings = Path.Combine(RepositoryPaths.Root, "deploy", "base", "label-access.yaml");
        var group = ManifestReader.Parse(File.ReadAllText(settings), settings).Should().ContainSingle().Subject.Body.GetProperty("platformGroup").GetString()!;

        Variable(overlays[overlay], "platformGroup").Should().Be($"'{group}'");
        group.Should().NotBeEmpty().And.NotContain("'");
    }

    [Fact]
    public void Only_system_masters_and_the_platform_group_may_change_the_labels()
    {
        var manifests = overlays[RenderedOverlays.Base];

        Variable(manifests, "platform").Should().Contain("request.userInfo.groups")
            .And.Contain("'system:masters'").And.Contain("variables.platformGroup");
        Variable(manifests, "changed").Should().Contain($"'{GuardedPrefix}'");
        var guard = manifests.One<V1ValidatingAdmissionPolicy>().Spec.Validations.Should().ContainSingle(v => v.Reason == "Forbidden").Subject;
        guard.Expression.Should().Be("size(variables.changed) == 0 || variables.platform");
        guard.MessageExpression.Should().Contain("variables.platformGroup").And.Contain("variables.changed");
    }

    [Fact]
    public void Every_label_the_webhook_reads_is_guarded_and_checked_when_it_changes()
    {
        var validations = overlays[RenderedOverlays.Base].One<V1ValidatingAdmissionPolicy>().Spec.Validations;

        foreach (var label in new[] { StackBlazeLabels.Project, StackBlazeLabels.PublicUrlPolicy })
        {
            label.Should().StartWith(GuardedPrefix);
            validations.Should().ContainSingle(v => v.Reason == "Invalid" && v.Expression.StartsWith($"!('{label}' in variables.changed) ||", StringComparison.Ordinal),
                $"a value of {label} is checked only when the request sets it, so older namespaces still take other edits");
        }
        ValueCheckOf(validations, StackBlazeLabels.Project).Should().EndWith($"variables.labels['{StackBlazeLabels.Project}'] != ''");
    }

    [Fact]
    public void Policy_modes_it_accepts_are_exactly_the_modes_the_webhook_parses()
    {
        var validations = overlays[RenderedOverlays.Base].One<V1ValidatingAdmissionPolicy>().Spec.Validations;
        var check = ModeList().Match(ValueCheckOf(validations, StackBlazeLabels.PublicUrlPolicy));
        check.Success.Should().BeTrue("the policy reads the label in any letter case, as the webhook does, against a list of modes");
        var accepted = check.Groups["list"].Value.Split(',').Select(item => item.Trim().Trim('\'')).ToList();

        accepted.Should().Equal(Enum.GetValues<PolicyMode>().Select(PolicyModes.Name));
        foreach (var mode in Enum.GetValues<PolicyMode>())
        {
            var name = PolicyModes.Name(mode);
            foreach (var spelling in new[] { name, name.ToUpperInvariant(), char.ToUpperInvariant(name[0]) + name[1..] })
            {
                ModeOf(spelling).Should().Be(mode, $"the policy accepts {spelling} and the webhook must read it as {name}");
            }
        }
    }

    [Theory]
    [InlineData("warning")]
    [InlineData("enforcing")]
    [InlineData("disabled")]
    [InlineData("")]
    public void Values_the_policy_refuses_are_ones_the_webhook_would_only_read_as_enforce(string value)
    {
        Enum.GetValues<PolicyMode>().Select(PolicyModes.Name).Should().NotContain(value.ToLowerInvariant());

        ModeOf(value).Should().Be(PolicyMode.Enforce, "a value the policy refuses must never have been a way to relax the policy");
    }

    private static PolicyMode ModeOf(string label) => PolicyModes.Of(new NamespaceEntry("shop", true, label));

    private static string Variable(RenderedManifests manifests, string name) =>
        manifests.One<V1ValidatingAdmissionPolicy>().Spec.Variables.Should().ContainSingle(v => v.Name == name).Subject.Expression;

    private static string ValueCheckOf(IEnumerable<V1Validation> validations, string label) =>
        validations.Should().ContainSingle(v => v.Reason == "Invalid" && v.Expression.Contains($"variables.labels['{label}']", StringComparison.Ordinal)).Subject.Expression;

    [GeneratedRegex(@"\.lowerAscii\(\) in \[(?<list>[^\]]*)\]$")]
    private static partial Regex ModeList();
}
