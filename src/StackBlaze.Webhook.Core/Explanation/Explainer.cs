using System.Text.Json.Nodes;
using StackBlaze.Webhook.Core.Bindings;
using StackBlaze.Webhook.Core.Catalog;
using StackBlaze.Webhook.Core.Conventions;
using StackBlaze.Webhook.Core.Injection;
using StackBlaze.Webhook.Core.Limits;
using StackBlaze.Webhook.Core.Links;
using StackBlaze.Webhook.Core.Manifests;
using StackBlaze.Webhook.Core.Objects;
using StackBlaze.Webhook.Core.Resolution;
using StackBlaze.Webhook.Core.Workloads;

namespace StackBlaze.Webhook.Core.Explanation;

/// <summary>
/// Why a pod or workload gets the variables it gets, and no others: the webhook configuration's
/// selectors (<see cref="WebhookRules"/>), then the webhook's own functions (the link grammar and
/// resolver, the injector told to say what it decides per container), then <c>check</c>'s findings.
/// </summary>
public static class Explainer
{
    /// <summary>Every pod and workload of <paramref name="documents"/>, or only <paramref name="target"/>; and objects of other kinds that carry links.</summary>
    public static IReadOnlyList<ObjectExplanation> Explain(
        IReadOnlyList<ManifestDocument> documents, IProjectCatalog catalog, string defaultNamespace, ExplainTarget? target = null)
    {
        var explained = new List<ObjectExplanation>();
        foreach (var document in documents)
        {
            if (target is not null && !target.Matches(document))
            {
                continue;
            }
            if (PodKinds.Find(document.Group, document.Kind) is { } kind)
            {
                explained.Add(ExplainPod(document, kind, catalog, defaultNamespace));
            }
            else if (ObjectShapeReader.ReadMetadata(document.Body, out _)?.Annotation(StackBlazeAnnotations.Links) is not null)
            {
                explained.Add(new ObjectExplanation(document, NamespaceOf(document, defaultNamespace), false, [], [],
                    [new(ReasonCodes.KindNotSent, $"{BoundedText.Quote(document.Kind)} is in no rule of the mutating webhook, which is sent only "
                        + $"{string.Join(", ", WebhookRules.Mutating.Rules)}: its {StackBlazeAnnotations.Links} is never read")], []));
            }
        }
        return explained;
    }

    private static ObjectExplanation ExplainPod(ManifestDocument document, PodKind kind, IProjectCatalog catalog, string defaultNamespace)
    {
        var namespaceName = document.Namespace ?? defaultNamespace;
        var findings = ManifestChecker.Check([document], catalog, defaultNamespace);
        var reasons = new List<ExplanationReason>();
        var pod = ManifestInjector.ReadPod(document, kind, JsonObject.Create(document.Body)!, out _, out var error);
        if (pod is null)
        {
            reasons.Add(new(ReasonCodes.InvalidObject, $"the webhook would deny it: the object cannot be read as a {kind.Kind}: {error}"));
            return new ObjectExplanation(document, NamespaceOf(document, defaultNamespace), false, [], [], reasons, findings);
        }

        var sent = NamespaceIsSelected(namespaceName, catalog, reasons);
        // A workload is sent whatever it says; the pods made from its template, annotations copied, are what the condition reads.
        var inject = pod.Metadata.Annotation(StackBlazeAnnotations.Inject);
        if (!WebhookRules.PassesOptOutCondition("pods", inject))
        {
            sent = false;
            reasons.Add(new(ReasonCodes.MatchCondition, $"the API server does not send {(kind.IsPod ? "this pod" : "its pods")} to the mutating webhook: "
                + $"{StackBlazeAnnotations.Inject} is \"false\" (match condition {WebhookRules.OptOutCondition})"));
        }
        if (PodInjector.IsOptedOut(pod.Metadata))
        {
            reasons.Add(new(ReasonCodes.OptedOut, $"{StackBlazeAnnotations.Inject}: \"{BoundedText.Quote(inject!)}\" opts out: the webhook injects nothing"));
        }
        var annotation = pod.Metadata.Annotation(StackBlazeAnnotations.Links);
        if (string.IsNullOrWhiteSpace(annotation))
        {
            reasons.Add(new(ReasonCodes.NoLinks, $"no {StackBlazeAnnotations.Links} annotation{(kind.IsPod ? "" : " on it or its pod template")}: nothing to inject"));
        }
        var links = ExplainLinks(annotation, namespaceName, catalog, reasons);

        var trace = new ContainerTrace();
        var injected = sent && !PodInjector.IsOptedOut(pod.Metadata);
        if (sent)
        {
            var injection = PodInjector.Inject(pod, kind.TemplatePointer, namespaceName, catalog, trace: trace);
            injected &= !injection.IsDenied;
            if (injection.IsDenied)
            {
                reasons.Add(new(ReasonCodes.Denied,
                    $"the webhook would deny {(kind.IsPod ? "the pod" : "its pods")}, so nothing is injected: {injection.DeniedAnnotation}: {BoundedText.Problems(injection.Errors)}"));
            }
        }
        reasons.AddRange(trace.Reasons);
        ContainerExplanation[] containers =
        [
            .. pod.InitContainers.Select(c => new ContainerExplanation(BoundedText.Quote(c.Name), "initContainers", trace.VariablesOf(c))),
            .. pod.Containers.Select(c => new ContainerExplanation(BoundedText.Quote(c.Name), "containers", trace.VariablesOf(c))),
        ];
        return new ObjectExplanation(document, NamespaceOf(document, defaultNamespace), sent, links, containers, reasons, findings)
        {
            Bindings = sent && !PodInjector.IsOptedOut(pod.Metadata) ? ExplainBindings(pod.Metadata, annotation, namespaceName, catalog) : [],
            Labels = injected ? [.. links.Where(l => l.Error is null).Select(l => StackBlazeLabels.LinkedService(l.Service)).Distinct(StringComparer.Ordinal)] : [],
        };
    }

    /// <summary>The bindings the webhook projects when the pod asks for them and its links resolve; the reasons it would not are already among the denials.</summary>
    private static ExplainedBinding[] ExplainBindings(MetadataShape metadata, string? links, string namespaceName, IProjectCatalog catalog)
    {
        if (!BindingsSwitch.IsOn(metadata.Annotation(StackBlazeAnnotations.ServiceBindings), out _))
        {
            return [];
        }
        const string link = StackBlazeAnnotations.ServiceBindings;
        return [.. LinkPlanner.PlanWithBindings(links, namespaceName, catalog).Bindings.Bindings.Select(binding => new ExplainedBinding(
            binding.Service,
            binding.VolumeName,
            [
                .. binding.Files.Select(file => new ExplainedVariable(file.Name, file.Content, null, null, link)),
                .. binding.Credentials is { } credentials
                    ? new[]
                    {
                        new ExplainedVariable(ServiceBinding.UsernameFile, null, credentials.Secret, credentials.UsernameKey, link),
                        new ExplainedVariable(ServiceBinding.PasswordFile, null, credentials.Secret, credentials.PasswordKey, link),
                    }
                    : [],
            ]))];
    }

    /// <summary>Whether both webhooks' namespace selector takes the namespace; a namespace the input does not describe is taken, and said so.</summary>
    private static bool NamespaceIsSelected(string namespaceName, IProjectCatalog catalog, List<ExplanationReason> reasons)
    {
        var quoted = BoundedText.Quote(namespaceName);
        if (catalog.FindNamespace(namespaceName) is not { } ns)
        {
            reasons.Add(new(ReasonCodes.NamespaceUnknown, $"namespace \"{quoted}\" is not in the input: explained as a project; "
                + $"the webhooks are sent its objects only if it has the label {StackBlazeLabels.Project} (give its Namespace with --catalog)"));
            return true;
        }
        if (WebhookRules.SelectsNamespace(ns))
        {
            return true;
        }
        reasons.Add(ns.IsProject
            ? new(ReasonCodes.NamespaceExcluded, $"namespace \"{quoted}\" is one of {string.Join(", ", WebhookRules.ExcludedNamespaces)}, "
                + "which the webhooks' namespace selector leaves out: neither webhook is sent its objects")
            : new(ReasonCodes.NamespaceNotAProject, $"namespace \"{quoted}\" is not a project (it has no label {StackBlazeLabels.Project}): "
                + "the webhooks' namespace selector leaves it out, so neither webhook is sent its objects"));
        return false;
    }

    /// <summary>Each entry on its own, through the grammar and the resolver the webhook uses.</summary>
    private static LinkExplanation[] ExplainLinks(string? annotation, string namespaceName, IProjectCatalog catalog, List<ExplanationReason> reasons)
    {
        var parsed = LinkGrammar.Parse(annotation);
        reasons.AddRange(parsed.Errors.Select(e => new ExplanationReason(ReasonCodes.LinkError, e)));
        return [.. parsed.Entries.Select(entry => ExplainLink(entry, namespaceName, catalog, reasons))];
    }

    private static LinkExplanation ExplainLink(LinkEntry entry, string namespaceName, IProjectCatalog catalog, List<ExplanationReason> reasons)
    {
        var resolution = LinkResolver.Resolve([entry], namespaceName, catalog);
        if (resolution.Links is [var link])
        {
            return new LinkExplanation(entry.Quoted, link.Service.Name, link.Port.Port, link.Port.Name, link.Scheme, FormName(link.Form),
                [.. LinkVariables.For(link, catalog.Hosts).Select(v => v.Name)], null);
        }
        var error = resolution.Errors[0];
        // The resolver's own lookup, asked again only to name the reason.
        reasons.Add(catalog.FindService(namespaceName, entry.Service) is null
            ? new(ReasonCodes.UnknownService, error) { Link = entry.Quoted, Services = [.. catalog.ServiceNames(namespaceName).Take(ReviewLimits.MaxNamesListed)] }
            : new(ReasonCodes.LinkError, error) { Link = entry.Quoted });
        return new LinkExplanation(entry.Quoted, entry.Service, null, null, null, null, [], error);
    }

    private static string FormName(AddressForm form) => form switch
    {
        AddressForm.HostPort => "host-port",
        AddressForm.Host => "host",
        AddressForm.Port => "port",
        AddressForm.Username => "username",
        AddressForm.Password => "password",
        AddressForm.Database => "database",
        AddressForm.LibpqSet => "libpq",
        _ => "url",
    };

    private static string NamespaceOf(ManifestDocument document, string defaultNamespace) => BoundedText.Quote(document.Namespace ?? defaultNamespace);
}
