using StackBlaze.Webhook.Core.Catalog;

namespace StackBlaze.Webhook.Tests.Support;

/// <summary>The largest Services a tenant can link, for the bounds of what their bindings add.</summary>
internal static class LongNamedServices
{
    /// <summary>A Service of a 63-character name, a database and credentials under keys of their own, in <paramref name="namespaceName"/>.</summary>
    public static ServiceEntry Numbered(int i, string namespaceName) =>
        new(namespaceName, $"{new string('s', 60)}{i:000}", [new ServicePortEntry("postgresql", 5432, null)])
        {
            // A Secret name of four labels, 253 characters in all.
            CredentialsSecret = string.Join('.', Enumerable.Repeat(new string('c', 61), 3)) + $".{new string('c', 62)}{i:000}"[..63],
            CredentialsKeys = $"username={new string('u', 200)},password={new string('p', 200)}",
            Database = new string('d', 63),
        };

    /// <summary>A links annotation that links each of <paramref name="services"/> by a name of its own.</summary>
    public static string LinkingAll(IEnumerable<ServiceEntry> services) =>
        string.Join(", ", services.Select(s => $"V{s.Name[^3..]}_URL={s.Name}"));
}
