using System.Text.Json.Nodes;
using StackBlaze.Webhook.Core.Catalog;
using StackBlaze.Webhook.Core.Conventions;

namespace StackBlaze.Webhook.Tests.Support;

/// <summary>
/// The shop project with public hosts, as deploy/examples/shop has them: backend is
/// api.shop.example.com (annotation), frontend is shop.example.com (Ingress).
/// </summary>
internal static class PublicShop
{
    public const string ApiUrl = "https://api.shop.example.com";

    public static ServiceEntry Backend { get; } = Services.Backend with { PublicUrls = ApiUrl };

    public static ServiceEntry Frontend { get; } = Services.With("frontend", Services.Port(80, "http"));

    public static IngressEntry Storefront { get; } = new(
        Services.Namespace, "storefront", [new IngressPath("shop.example.com", "/", "frontend", "http")], ["shop.example.com"]);

    /// <summary>The project's catalog, with ConfigMaps and a policy label on its namespace if given.</summary>
    public static StaticProjectCatalog Project(string? policy = null, params ConfigMapEntry[] configMaps) => new(
        [Backend, Frontend, Services.Postgres],
        [Storefront],
        configMaps,
        [new NamespaceEntry(Services.Namespace, true, policy)]);

    public static ConfigMapEntry ConfigMap(string name, params (string Key, string Value)[] data) =>
        ConfigMapEntry.FromData(Services.Namespace, name, data.Select(d => KeyValuePair.Create(d.Key, d.Value)));

    /// <summary>A pod with one container "app" with these env values, and these annotations.</summary>
    public static JsonObject Pod(IEnumerable<(string Name, string Value)> env, params (string Key, string Value)[] annotations)
    {
        var pod = Pods.Annotated(annotations);
        pod["spec"]!["containers"]![0]!["env"] = new JsonArray([.. env.Select(e => (JsonNode)new JsonObject { ["name"] = e.Name, ["value"] = e.Value })]);
        return pod;
    }

    public static JsonObject Pod(string name, string value, params (string Key, string Value)[] annotations) =>
        Pod([(name, value)], annotations);

    /// <summary>A pod allowed to call public URLs from the named variables.</summary>
    public static (string Key, string Value) AllowPublicUrls(string names) => (StackBlazeAnnotations.AllowPublicUrls, names);

    public static (string Key, string Value) LinksTo(string links) => (StackBlazeAnnotations.Links, links);
}
