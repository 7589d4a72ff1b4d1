using StackBlaze.Webhook.Core.Catalog;
using StackBlaze.Webhook.Core.Policy;

namespace StackBlaze.Webhook.Tests.Policy;

public class PolicyModesTests
{
    [Theory]
    [InlineData("enforce", PolicyMode.Enforce)]
    [InlineData("warn", PolicyMode.Warn)]
    [InlineData(" Warn ", PolicyMode.Warn)]
    [InlineData("off", PolicyMode.Off)]
    [InlineData("OFF", PolicyMode.Off)]
    public void Label_value_names_the_mode(string label, PolicyMode mode)
    {
        PolicyModes.Of(new NamespaceEntry("shop", true, label)).Should().Be(mode);
    }

    [Fact]
    public void Namespace_without_the_label_enforces()
    {
        PolicyModes.Of(new NamespaceEntry("shop", true, null)).Should().Be(PolicyMode.Enforce);
    }

    [Fact]
    public void Namespace_the_catalog_has_not_seen_enforces()
    {
        PolicyModes.Of(null).Should().Be(PolicyMode.Enforce);
    }

    [Theory]
    [InlineData("disabled")]
    [InlineData("of")]
    [InlineData("")]
    public void Unknown_value_enforces_so_a_typo_never_turns_the_policy_off(string label)
    {
        PolicyModes.Of(new NamespaceEntry("shop", true, label)).Should().Be(PolicyMode.Enforce);
    }
}
