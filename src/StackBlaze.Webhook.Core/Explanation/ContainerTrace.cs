using StackBlaze.Webhook.Core.Injection;
using StackBlaze.Webhook.Core.Limits;
using StackBlaze.Webhook.Core.Objects;

namespace StackBlaze.Webhook.Core.Explanation;

/// <summary>What injection told of each container, kept for the explanation: its variables, and the reasons it got fewer.</summary>
internal sealed class ContainerTrace : IInjectionTrace
{
    private readonly Dictionary<ContainerShape, List<ExplainedVariable>> _variables = new(ReferenceEqualityComparer.Instance);

    public List<ExplanationReason> Reasons { get; } = [];

    /// <summary>What the container got; none when injection did not reach it.</summary>
    public IReadOnlyList<ExplainedVariable> VariablesOf(ContainerShape container) => _variables.GetValueOrDefault(container) ?? [];

    public void OutOfScope(ContainerShape container, string list) =>
        Reasons.Add(new(ReasonCodes.ContainerOutOfScope, $"{Describe(container, list)} is not named by stackblaze.io/containers: it gets no variables")
        {
            Container = BoundedText.Quote(container.Name),
        });

    public void Injected(ContainerShape container, string list, InjectedVariable variable)
    {
        if (!_variables.TryGetValue(container, out var variables))
        {
            _variables.Add(container, variables = []);
        }
        variables.Add(new ExplainedVariable(variable.Name, variable.Value, variable.SecretName, variable.SecretKey, BoundedText.Quote(variable.LinkText)));
    }

    public void SetByContainer(ContainerShape container, string list, InjectedVariable variable) =>
        Reasons.Add(About(ReasonCodes.SetByContainer, container, variable,
            $"{Describe(container, list)} sets {variable.Name} itself: kept as written, link \"{BoundedText.Quote(variable.LinkText)}\" not injected there"));

    public void ReferenceSetByContainer(ContainerShape container, string list, InjectedVariable variable, string reference) =>
        Reasons.Add(About(ReasonCodes.ReferenceSetByContainer, container, variable,
            $"{Describe(container, list)} sets {reference} itself, so {variable.Name} of link \"{BoundedText.Quote(variable.LinkText)}\", "
            + $"which refers to $({reference}), is not injected there (Kubernetes expands only variables defined before)"));

    private static ExplanationReason About(string code, ContainerShape container, InjectedVariable variable, string message) =>
        new(code, message) { Container = BoundedText.Quote(container.Name), Variable = variable.Name, Link = BoundedText.Quote(variable.LinkText) };

    private static string Describe(ContainerShape container, string list) =>
        $"{(list == "initContainers" ? "init container" : "container")} \"{BoundedText.Quote(container.Name)}\"";
}
