using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using static System.FormattableString;

namespace StackBlaze.Webhook.Benchmarks;

/// <summary>
/// ConfigMaps of 1 MiB each, read from JSON as the list reads them (every string its own copy), of
/// two contents: what a project might hold, and what holds the most the catalog keeps.
/// </summary>
internal static class ConfigMapContents
{
    /// <summary>The size of each: the most the API server stores in one ConfigMap.</summary>
    public const int Size = 1024 * 1024;

    /// <summary>
    /// A few variables (addresses, a port, flags), a CA bundle (base64, no dots), an
    /// application.properties (dotted keys, JDBC and HTTP URLs) and a messages file with links.
    /// </summary>
    public static V1ConfigMap Realistic(string ns, int index)
    {
        var data = new JsonObject
        {
            ["API_URL"] = $"http://backend.internal:3000/v{index}",
            ["DB_HOST"] = "postgres.internal",
            ["REDIS_ADDR"] = "redis.internal:6379",
            ["PUBLIC_SITE"] = $"https://shop{index}.example.com",
            ["PORT"] = "8080",
            ["LOG_LEVEL"] = "info",
            ["FEATURES"] = "search,cart,checkout",
        };
        var used = data.Sum(d => d.Key.Length + d.Value!.GetValue<string>().Length);
        data["ca-bundle.pem"] = Pem(index, 384 * 1024);
        data["application.properties"] = Properties(index, 384 * 1024);
        data["messages.json"] = Messages(index, Size - used - (2 * 384 * 1024) - "ca-bundle.pem".Length - "application.properties".Length - "messages.json".Length);
        return Read(ns, $"settings-{index}", data);
    }

    /// <summary>
    /// 128 keys of 8 KiB, each nothing but distinct addresses of 64 characters: every key is over
    /// the per-value limit and the ConfigMap over the per-namespace one.
    /// </summary>
    public static V1ConfigMap WorstForTheLimits(string ns, int index)
    {
        var data = new JsonObject();
        const int Keys = 128;
        for (var key = 0; key < Keys; key++)
        {
            var value = new StringBuilder(Size / Keys);
            for (var n = 0; value.Length + 64 <= Size / Keys; n++)
            {
                // 63 characters and a space, and no two alike.
                var url = string.Create(CultureInfo.InvariantCulture, $"https://h{index:D5}-{key:D3}-{n:D4}.example.com/");
                value.Append(url).Append('p', 63 - url.Length).Append(' ');
            }
            data[$"k{key:D3}"] = value.ToString().PadRight(Size / Keys, ' ');
        }
        return Read(ns, $"worst-{index}", data);
    }

    private static string Pem(int seed, int length)
    {
        var random = new Random(seed);
        var text = new StringBuilder(length);
        var bytes = new byte[48];
        while (text.Length < length)
        {
            text.Append("-----BEGIN CERTIFICATE-----\n");
            for (var line = 0; line < 20; line++)
            {
                random.NextBytes(bytes);
                text.Append(Convert.ToBase64String(bytes)).Append('\n');
            }
            text.Append("-----END CERTIFICATE-----\n");
        }
        return text.ToString(0, length);
    }

    private static string Properties(int seed, int length)
    {
        var text = new StringBuilder(length);
        for (var n = 0; text.Length < length; n++)
        {
            text.Append((n % 5) switch
            {
                0 => Invariant($"# settings of module {n} for deployment {seed}\n"),
                1 => Invariant($"logging.level.com.example.module{n}=INFO\n"),
                2 => Invariant($"app.upstream{n}.url=http://svc-{n % 40}.internal:8080/api\n"),
                3 => Invariant($"spring.datasource{n}.url=jdbc:postgresql://postgres.internal:5432/app{n}\n"),
                _ => Invariant($"cache.module{n}.ttl-seconds=300\n"),
            });
        }
        return text.ToString(0, length);
    }

    private static string Messages(int seed, int length)
    {
        var text = new StringBuilder(length).Append("{\n");
        for (var n = 0; text.Length < length; n++)
        {
            text.Append(n % 10 == 0
                ? Invariant($"  \"help{n}\": \"Something went wrong ({seed}); see https://docs.example.com/help/{n} for what to do.\",\n")
                : Invariant($"  \"label{n}\": \"Your basket holds {n} items; checkout is one click away\",\n"));
        }
        return text.ToString(0, length);
    }

    private static V1ConfigMap Read(string ns, string name, JsonObject data) =>
        KubernetesJson.Deserialize<V1ConfigMap>(new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ConfigMap",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns, ["resourceVersion"] = "1" },
            ["data"] = data,
        }.ToJsonString());
}
