using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using StackBlaze.Webhook.Core.Limits;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace StackBlaze.Webhook.Core.Manifests;

/// <summary>
/// Scalars typed as kubectl types them: sigs.k8s.io/yaml reads with go-yaml v2 (YAML 1.1 words
/// such as <c>yes</c> and <c>off</c>, Go's integers: <c>0644</c> octal, <c>0x1F</c>, <c>0b101</c>,
/// <c>1_000</c>), honours <c>!!str</c>, <c>!!int</c>, <c>!!float</c>, <c>!!bool</c> and
/// <c>!!binary</c>, then turns keys into strings (<c>yes:</c> is "true", <c>0x1F:</c> is "31").
/// </summary>
internal static partial class YamlScalars
{
    private const string IntTag = "tag:yaml.org,2002:int";
    private const string FloatTag = "tag:yaml.org,2002:float";
    private const string BoolTag = "tag:yaml.org,2002:bool";
    private const string NullTag = "tag:yaml.org,2002:null";
    private const string BinaryTag = "tag:yaml.org,2002:binary";

    private enum Kind
    {
        Null,
        Bool,
        Int,
        Float,
        String,
    }

    /// <summary>A value's scalar as JSON: a string, number, boolean or null.</summary>
    public static JsonValue? Value(Scalar scalar)
    {
        var (kind, value) = Resolve(scalar);
        return kind == Kind.Float && !double.IsFinite(value!.GetValue<double>())
            ? throw new YamlException(scalar.Start, scalar.End, $"{Quote(scalar.Value)} has no JSON form (kubectl refuses it too)")
            : value;
    }

    /// <summary>A key's scalar as the string kubectl makes of it.</summary>
    public static string Key(Scalar scalar) => Resolve(scalar) switch
    {
        (Kind.Null, _) => throw new YamlException(scalar.Start, scalar.End, "a key cannot be null"),
        (Kind.Float, var value) => GoFloat32((double)value!),
        (_, var value) => value!.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString(),
    };

    /// <summary>A tenant's text quoted on one line and bounded, for messages.</summary>
    public static string Quote(string text) => JsonValue.Create(BoundedText.Quote(text)).ToJsonString();

    private static (Kind, JsonValue?) Resolve(Scalar scalar)
    {
        var tag = scalar.Tag.IsEmpty ? "" : scalar.Tag.Value;
        if (tag == "")
        {
            return scalar.Style == ScalarStyle.Plain ? Plain(scalar.Value) : (Kind.String, JsonValue.Create(scalar.Value));
        }
        if (tag == BinaryTag)
        {
            return (Kind.String, JsonValue.Create(Binary(scalar)));
        }
        if (tag is not (IntTag or FloatTag or BoolTag or NullTag))
        {
            // !!str, !!timestamp, the non-specific "!" and tags of one's own keep the text.
            return (Kind.String, JsonValue.Create(scalar.Value));
        }
        var (kind, value) = Plain(scalar.Value);
        return (tag, kind) switch
        {
            (IntTag, Kind.Int) or (FloatTag, Kind.Float) or (BoolTag, Kind.Bool) or (NullTag, Kind.Null) => (kind, value),
            (FloatTag, Kind.Int) => (Kind.Float, JsonValue.Create(ToDouble(value!))),
            _ => throw new YamlException(scalar.Start, scalar.End, $"{Quote(scalar.Value)} is not a {tag[(tag.LastIndexOf(':') + 1)..]}"),
        };
    }

    /// <summary>go-yaml v2's resolve: a table of words, then Go's integer and float syntax by first character.</summary>
    private static (Kind, JsonValue?) Plain(string text)
    {
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return (Kind.Null, null);
            case "true" or "True" or "TRUE" or "y" or "Y" or "yes" or "Yes" or "YES" or "on" or "On" or "ON":
                return (Kind.Bool, JsonValue.Create(true));
            case "false" or "False" or "FALSE" or "n" or "N" or "no" or "No" or "NO" or "off" or "Off" or "OFF":
                return (Kind.Bool, JsonValue.Create(false));
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF":
                return (Kind.Float, JsonValue.Create(double.PositiveInfinity));
            case "-.inf" or "-.Inf" or "-.INF":
                return (Kind.Float, JsonValue.Create(double.NegativeInfinity));
            case ".nan" or ".NaN" or ".NAN":
                return (Kind.Float, JsonValue.Create(double.NaN));
        }
        if (text[0] is not ('.' or '+' or '-' or (>= '0' and <= '9')))
        {
            return (Kind.String, JsonValue.Create(text));
        }
        var digits = text.Replace("_", "", StringComparison.Ordinal);
        if (text[0] != '.' && GoInteger(digits) is { } integer)
        {
            if (integer >= long.MinValue && integer <= long.MaxValue)
            {
                return (Kind.Int, JsonValue.Create((long)integer));
            }
            // Go's ParseUint takes what ParseInt cannot hold, if unsigned; JSON readers then see a float.
            if (digits[0] is not ('+' or '-') && integer <= ulong.MaxValue)
            {
                // Through ulong: BigInteger's own conversion truncates where Go's rounds.
                return (Kind.Int, JsonValue.Create((double)(ulong)integer));
            }
        }
        // A float out of range is an error to Go's ParseFloat, so the text stays a string.
        return FloatPattern().IsMatch(digits) && double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && double.IsFinite(real)
            ? (Kind.Float, JsonValue.Create(real))
            : (Kind.String, JsonValue.Create(text));
    }

    /// <summary>Go's <c>strconv.ParseInt(s, 0, ...)</c> syntax, any size: sign, then 0x, 0o, 0b or a leading 0 for octal.</summary>
    private static BigInteger? GoInteger(string text)
    {
        var negative = text[0] == '-';
        var rest = text[0] is '+' or '-' ? text[1..] : text;
        var (radix, digits) = rest.Length > 1 && rest[0] == '0'
            ? char.ToLowerInvariant(rest[1]) switch
            {
                'x' => (16, rest[2..]),
                'o' => (8, rest[2..]),
                'b' => (2, rest[2..]),
                _ => (8, rest[1..]),
            }
            : (10, rest);
        if (digits.Length == 0)
        {
            return null;
        }
        var value = BigInteger.Zero;
        foreach (var c in digits)
        {
            var digit = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'a' and <= 'f' => c - 'a' + 10,
                >= 'A' and <= 'F' => c - 'A' + 10,
                _ => int.MaxValue,
            };
            if (digit >= radix)
            {
                return null;
            }
            value = value * radix + digit;
            if (value > ulong.MaxValue)
            {
                // Past what any Go integer holds (so go-yaml tries a float): stop before the number grows with the text.
                return null;
            }
        }
        return negative ? -value : value;
    }

    private static double ToDouble(JsonValue value) => value.TryGetValue<long>(out var integer) ? integer : value.GetValue<double>();

    private static string Binary(Scalar scalar)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(scalar.Value));
        }
        catch (FormatException)
        {
            throw new YamlException(scalar.Start, scalar.End, "!!binary that is not base64");
        }
    }

    /// <summary>Go's <c>strconv.FormatFloat(f, 'g', -1, 32)</c>, which sigs.k8s.io/yaml applies to a key that is a number with a point.</summary>
    private static string GoFloat32(double value)
    {
        var single = (float)value;
        if (!float.IsFinite(single))
        {
            return float.IsNaN(single) ? ".nan" : single > 0 ? ".inf" : "-.inf";
        }
        // The shortest digits that read back as the same float32, and where the point goes.
        var text = single.ToString("R", CultureInfo.InvariantCulture);
        var sign = text.StartsWith('-') ? "-" : "";
        var parts = text.TrimStart('-').Split('E');
        var mantissa = parts[0];
        var point = mantissa.Contains('.', StringComparison.Ordinal) ? mantissa.IndexOf('.', StringComparison.Ordinal) : mantissa.Length;
        var all = mantissa.Replace(".", "", StringComparison.Ordinal);
        point += parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : 0;
        var digits = all.TrimStart('0');
        point -= all.Length - digits.Length;
        digits = digits.TrimEnd('0');
        if (digits.Length == 0)
        {
            return sign + "0";
        }
        var exponent = point - 1;
        if (exponent < -4 || exponent >= 6)
        {
            var fraction = digits.Length > 1 ? "." + digits[1..] : "";
            return $"{sign}{digits[0]}{fraction}e{(exponent < 0 ? '-' : '+')}{Math.Abs(exponent):00}";
        }
        return sign + (point <= 0
            ? "0." + new string('0', -point) + digits
            : point >= digits.Length ? digits + new string('0', point - digits.Length) : $"{digits[..point]}.{digits[point..]}");
    }

    // go-yaml v2's yamlStyleFloat, tried on the text without underscores.
    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}
