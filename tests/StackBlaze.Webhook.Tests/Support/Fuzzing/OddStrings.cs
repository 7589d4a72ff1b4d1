namespace StackBlaze.Webhook.Tests.Support.Fuzzing;

/// <summary>Strings that have broken parsers and loggers: controls, direction overrides, lone surrogates, look-alikes.</summary>
internal static class OddStrings
{
    private static readonly string[] Pieces =
    [
        "\u0000", "\u0007", "\r\n", "\t", "\u202e", "\u200b", "\ufeff", "\uffff", "\ud800", "\udc00",
        "😀", "\u0301\u0301\u0301", "İ", "ß", "K", "ｂａｃｋｅｎｄ", "backend\u0000.internal", "%00", "\\", "\"",
        "${jndi:ldap://x}", "$(API_URL)", "../../etc/passwd", "<script>", "'; DROP TABLE", ",,,,", "=:=:",
        "API_URL=backend:3000", "backend:99999", "backend:-1", "a=b=c", "http://api.shop.example.com", "https://shop.example.com:443/",
    ];

    public static string Next(Random random)
    {
        var count = random.Next(1, 6);
        return string.Concat(Enumerable.Range(0, count).Select(_ => Pieces[random.Next(Pieces.Length)]));
    }
}
