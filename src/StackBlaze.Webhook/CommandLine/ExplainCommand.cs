using System.CommandLine;
using StackBlaze.Webhook.Core.Explanation;
using StackBlaze.Webhook.Core.Limits;
using StackBlaze.Webhook.Core.Manifests;

namespace StackBlaze.Webhook.CommandLine;

/// <summary>
/// <c>explain</c>, as <c>istioctl x check-inject</c>: what each pod or workload gets and every reason
/// it gets no more. It explains and does not judge: exit 0 whatever it finds, <c>check</c> gates.
/// </summary>
internal sealed class ExplainCommand : Command
{
    private readonly Option<string> _output = Cli.Described<string>("--output", "text|json", "text for people, json for programs.", "-o");
    private readonly Argument<ExplainTarget?> _target = new("KIND/NAME")
    {
        Arity = ArgumentArity.ZeroOrOne,
        Description = "Only this object, its kind as kubectl spells it (deployment/web, deploy/web, po/web).",
        CustomParser = result => ExplainTarget.Parse(result.Tokens[0].Value, out var error) ?? Refuse(result, error!),
    };

    public ExplainCommand(TextReader stdin)
        : base("explain", "What the webhook injects into each pod or workload of the manifests, from which Service, and every reason it injects no more: exit 0 when explained.")
    {
        var manifests = new ManifestOptions(this, required: false);
        var cluster = new ClusterOptions(this, manifests);
        _output.DefaultValueFactory = _ => "text";
        // One line, as every refusal: System.CommandLine's own list of choices takes three.
        _output.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } format && !ExplanationFormats.Names.Contains(format))
            {
                result.AddError($"--output must be text or json, not \"{BoundedText.Quote(format)}\"");
            }
        });
        Options.Add(_output);
        Arguments.Add(_target);
        Validators.Add(result =>
        {
            if (result.GetResult(_target) is null && cluster.ReadsCluster(result))
            {
                result.AddError($"explain --kubeconfig needs the object to explain: {ExplainTarget.Form}");
            }
        });
        SetAction(async (parsed, cancellationToken) =>
        {
            var (target, format, stdout) = (parsed.GetValue(_target), parsed.GetRequiredValue(_output), parsed.InvocationConfiguration.Output);
            if (!cluster.ReadsCluster(parsed))
            {
                return Run(manifests.Read(parsed, stdin), target, format, stdout);
            }
            // The namespace's own modes: explain says what the webhook does today.
            var snapshot = await cluster.ReadAsync(parsed, cancellationToken, podsOf: target);
            return Run(new ManifestInput(snapshot.Documents, snapshot.Catalog(manifests.Hosts(parsed)), Cli.DefaultNamespace), target, format, stdout, snapshot.RunningPods);
        });
    }

    /// <summary>
    /// Explains <paramref name="input"/>, or only <paramref name="target"/> in it, which must be there;
    /// with its <paramref name="runningPods"/> (from a cluster), also those of them that are stale.
    /// </summary>
    public static int Run(ManifestInput input, ExplainTarget? target, string format, TextWriter stdout, IReadOnlyList<ManifestDocument>? runningPods = null)
    {
        var explained = Explainer.Explain(input.Documents, input.Catalog, input.DefaultNamespace, target);
        if (target is not null && explained.Count == 0)
        {
            throw new ManifestException($"no {target} in the input");
        }
        if (runningPods is not null)
        {
            explained = [.. explained.Select(one => one with { StalePods = StalePods.Find(one, runningPods) })];
        }
        ExplanationFormats.Write(format, explained, stdout);
        return Cli.ExitOk;
    }

    private static ExplainTarget? Refuse(System.CommandLine.Parsing.ArgumentResult result, string error)
    {
        result.AddError(error);
        return null;
    }
}
