using System.Text;
using System.Text.Json.Nodes;
using StackBlaze.Webhook.Core.Limits;

namespace StackBlaze.Webhook.Tests.Support;

/// <summary>
/// The worst reviews a tenant can have the API server send, with nothing but <c>kubectl apply</c>
/// in their own project: each under the API server's 3 MiB and 256 KiB-of-annotations limits,
/// each aimed at one place where work, memory or answer size could grow with the input. Shared by
/// the hostile-tenant tests and the benchmark that times them, against the shop example (and the
/// crowded namespace of <see cref="CrowdedNamespaceYaml"/>).
/// </summary>
internal static class HostileReviews
{
    public const string Mutate = "/mutate";
    public const string Validate = "/validate";

    /// <summary>A project of 77 Services, for messages that would list them all.</summary>
    public const string CrowdedNamespace = "crowded";

    public sealed record Case(string Name, string Path, Func<int, string> Body);

    /// <summary>Every case; <see cref="Case.Body"/> takes a variant, so that each call can carry an annotation never seen before.</summary>
    public static IReadOnlyList<Case> All { get; } =
    [
        new("5,000 unknown links (33 KB)", Mutate, v => PodReview(Annotated(Links(5000, i => $"unknown-{v}-{i}")))),
        new("2,000 short unknown links", Mutate, v => PodReview(Annotated(Links(2000, i => $"u{v}x{i}")))),
        new("100 unknown links, 77 Services", Mutate, v => PodReview(Annotated(Links(100, i => $"missing-{v}-{i}")), CrowdedNamespace)),
        new("100 unknown links, 77 Services", Validate, v => PodReview(Annotated(Links(100, i => $"missing-{v}-{i}")), CrowdedNamespace)),
        new("one 230 KB links annotation", Mutate, v => PodReview(Annotated($"V{v}_" + new string('X', 230_000) + "=backend"))),
        new("one 230 KB links annotation", Validate, v => PodReview(Annotated($"V{v}_" + new string('X', 230_000) + "=backend"))),
        new("1,000 containers x 1,000 links", Mutate, v => PodReview(Containers(Annotated(Links(1000, i => $"V{v}X{i}_URL=backend")), 1000))),
        new("10 containers x 80 links of 160-char names", Mutate, v => PodReview(Containers(Annotated(Links(80, i => $"V{v}X{i}_{new string('L', 150)}_URL=backend")), 10))),
        new("10 containers x 100 links (at the limit)", Mutate, v => PodReview(Containers(Annotated(Links(100, i => $"V{v}X{i}_URL=backend")), 10))),
        new("100 links, 90,000 env entries", Mutate, v => PodReview(WithEnv(Annotated(Links(100, i => $"V{v}X{i}_URL=backend")), 90_000, i => ($"E{i}", "1")))),
        new("1,000 containers setting their linked variable", Mutate, v => PodReview(Containers(Annotated($"V{v}_URL=backend"), 1000, $"V{v}_URL"))),
        new("10,000 URLs and 10,000 hosts in one value", Validate, v => PodReview(WithEnv(new JsonObject(), 1, _ => ("MIXED", UrlsAndHosts(v, 10_000))))),
        new("20,000 env entries calling a public URL", Validate, v => PodReview(WithEnv(new JsonObject(), 20_000, i => ($"API_{i}", $"https://api.shop.example.com/v{v}/{i}")))),
        new("1 MiB of a.a.a.a in one value", Validate, v => PodReview(WithEnv(new JsonObject(), 1, _ => ("DOTS", Repeat("a.", 512 * 1024) + v)))),
        new("1 MiB of a-a- with dots in one value", Validate, v => PodReview(WithEnv(new JsonObject(), 1, _ => ("DASHES", Repeat("a-a.", 256 * 1024) + "/" + v)))),
        new("1 MiB of one scheme-like word", Validate, v => PodReview(WithEnv(new JsonObject(), 1, _ => ("SCHEME", Repeat("a+b.", 256 * 1024) + ":/" + v)))),
        new("60,000 args calling a public host", Validate, v => PodReview(WithArgs(60_000, i => $"--upstream=shop.example.com:{(i + v) % 65535}"))),
        new("Deployment with a 230 KB links annotation", Mutate, v => DeploymentReview($"V{v}_" + new string('X', 230_000) + "=backend")),
        new("1 MiB of dns:a. in one value", Validate, v => PodReview(WithEnv(new JsonObject(), 1, _ => ("DNS", Repeat("dns:a.", 1024 * 1024 / 6) + v)))),
        new("1 MiB of a.a: in one value", Validate, v => PodReview(WithEnv(new JsonObject(), 1, _ => ("HOST_PORTS", Repeat("a.a:", 256 * 1024) + v)))),
        new("a public host and a 1 MiB path, no scheme", Validate, v => PodReview(WithEnv(new JsonObject(), 1, _ => ("PATH_ONLY", $"shop.example.com/{v}" + Repeat("a/", 512 * 1024))))),
        new("one 1 MiB run of fullwidth letters and ideographic full stops", Validate, v => PodReview(WithEnv(new JsonObject(), 1, _ => ("WIDE_RUN", Repeat("\uFF41\u3002", 1024 * 1024 / 12) + v)))),
        new("1 MiB of short hosts in fullwidth letters", Validate, v => PodReview(WithEnv(new JsonObject(), 1, _ => ("WIDE_HOSTS", Repeat("\uFF41\u3002\uFF42 ", 1024 * 1024 / 19) + v)))),
        new("1 MiB of https and a backslash in one value", Validate, v => PodReview(WithEnv(new JsonObject(), 1, _ => ("SLASHES", Repeat("https:\\", 1024 * 1024 / 8) + v)))),
    ];

    /// <summary>
    /// A pod whose links are valid and new with each <paramref name="variant"/>: a hundred names of
    /// their own, all to backend, so that each is planned, checked and kept as the caches allow.
    /// </summary>
    public static string NewValidAnnotation(int variant) =>
        PodReview(Annotated(Links(ReviewLimits.MaxLinkEntries, i => $"N{variant}X{i}_{new string('L', 100)}_URL=backend")));

    /// <summary>The crowded project's Namespace and Services, as catalog YAML.</summary>
    public static string CrowdedNamespaceYaml()
    {
        var yaml = new StringBuilder($"apiVersion: v1\nkind: Namespace\nmetadata:\n  name: {CrowdedNamespace}\n  labels:\n    stackblaze.io/project: {CrowdedNamespace}\n");
        for (var i = 0; i < 77; i++)
        {
            yaml.Append($"---\napiVersion: v1\nkind: Service\nmetadata:\n  name: svc-{i:00}\n  namespace: {CrowdedNamespace}\nspec:\n  ports:\n    - port: 80\n");
        }
        return yaml.ToString();
    }

    private static string Links(int count, Func<int, string> entry) => string.Join(",", Enumerable.Range(0, count).Select(entry));

    private static string Repeat(string text, int times) => new StringBuilder(text.Length * times).Insert(0, text, times).ToString();

    private static string UrlsAndHosts(int variant, int count)
    {
        var value = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            value.Append($"https://h{i}.example.org/{variant}?next=x{i}.example.net h{i}.example.com:443 ");
        }
        return value.ToString();
    }

    /// <summary>A pod with the links annotation and one container.</summary>
    private static JsonObject Annotated(string links) => new()
    {
        ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { ["stackblaze.io/links"] = links } },
    };

    private static JsonObject Containers(JsonObject pod, int count, string? setsVariable = null)
    {
        pod["spec"] = new JsonObject
        {
            ["containers"] = new JsonArray([.. Enumerable.Range(0, count).Select(i => (JsonNode)new JsonObject
            {
                ["name"] = $"c{i}",
                ["env"] = setsVariable is null ? null : new JsonArray(new JsonObject { ["name"] = setsVariable, ["value"] = "mine" }),
            })]),
        };
        return pod;
    }

    private static JsonObject WithEnv(JsonObject pod, int count, Func<int, (string Name, string Value)> entry)
    {
        var env = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            var (name, value) = entry(i);
            env.Add(new JsonObject { ["name"] = name, ["value"] = value });
        }
        pod["spec"] = new JsonObject { ["containers"] = new JsonArray(new JsonObject { ["name"] = "app", ["env"] = env }) };
        return pod;
    }

    private static JsonObject WithArgs(int count, Func<int, string> argument) => new()
    {
        ["spec"] = new JsonObject
        {
            ["containers"] = new JsonArray(new JsonObject
            {
                ["name"] = "app",
                ["args"] = new JsonArray([.. Enumerable.Range(0, count).Select(i => (JsonNode)argument(i))]),
            }),
        },
    };

    private static string PodReview(JsonObject pod, string ns = "shop")
    {
        pod["apiVersion"] = "v1";
        pod["kind"] = "Pod";
        pod["spec"] ??= new JsonObject { ["containers"] = new JsonArray(new JsonObject { ["name"] = "app" }) };
        return Review("", "Pod", ns, pod);
    }

    private static string DeploymentReview(string links) => Review("apps", "Deployment", "shop", new JsonObject
    {
        ["apiVersion"] = "apps/v1",
        ["kind"] = "Deployment",
        ["metadata"] = new JsonObject { ["name"] = "worker", ["annotations"] = new JsonObject { ["stackblaze.io/links"] = links } },
        ["spec"] = new JsonObject
        {
            ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = "worker" } },
            ["template"] = new JsonObject
            {
                ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["app"] = "worker" } },
                ["spec"] = new JsonObject { ["containers"] = new JsonArray(new JsonObject { ["name"] = "app" }) },
            },
        },
    });

    private static string Review(string group, string kind, string ns, JsonObject obj) => new JsonObject
    {
        ["apiVersion"] = "admission.k8s.io/v1",
        ["kind"] = "AdmissionReview",
        ["request"] = new JsonObject
        {
            ["uid"] = Guid.NewGuid().ToString(),
            ["kind"] = new JsonObject { ["group"] = group, ["version"] = "v1", ["kind"] = kind },
            ["namespace"] = ns,
            ["operation"] = "CREATE",
            ["userInfo"] = new JsonObject { ["username"] = "tenant@example.com" },
            ["object"] = obj,
            ["dryRun"] = false,
        },
    }.ToJsonString();
}
