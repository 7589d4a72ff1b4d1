namespace StackBlaze.Webhook.CommandLine;

/// <summary>
/// Options of the form <c>--name value</c>, <c>--name=value</c> or <c>-n value</c>. Options named as
/// lists take every following argument up to the next option, as in <c>-f a.yaml b.yaml</c>.
/// </summary>
internal sealed class ParsedArguments
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);

    /// <param name="args">The command's arguments, after its name.</param>
    /// <param name="options">Each option's long name, with its short alias where it has one.</param>
    /// <param name="lists">The options that take several values.</param>
    public ParsedArguments(IReadOnlyList<string> args, IReadOnlyDictionary<string, string?> options, IReadOnlySet<string> lists)
    {
        var aliases = options.Where(o => o.Value is not null).ToDictionary(o => o.Value!, o => o.Key, StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string? inline = null;
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains('=', StringComparison.Ordinal))
            {
                inline = arg[(arg.IndexOf('=', StringComparison.Ordinal) + 1)..];
                arg = arg[..arg.IndexOf('=', StringComparison.Ordinal)];
            }
            var name = arg.StartsWith("--", StringComparison.Ordinal) ? arg[2..] : aliases.GetValueOrDefault(arg);
            if (name is null || !options.ContainsKey(name))
            {
                throw new UsageException($"unknown argument \"{args[i]}\"");
            }

            var values = _values.TryGetValue(name, out var existing) ? existing : _values[name] = [];
            if (inline is not null)
            {
                values.Add(inline);
                continue;
            }
            var start = values.Count;
            while (i + 1 < args.Count && !IsOption(args[i + 1]) && (lists.Contains(name) || values.Count == start))
            {
                values.Add(args[++i]);
            }
            if (values.Count == start)
            {
                throw new UsageException($"{arg} needs a value");
            }
        }

        var repeated = _values.FirstOrDefault(v => v.Value.Count > 1 && !lists.Contains(v.Key));
        if (repeated.Key is not null)
        {
            throw new UsageException($"--{repeated.Key} is given more than once");
        }
    }

    public string? Value(string name) => _values.TryGetValue(name, out var values) ? values[0] : null;

    public IReadOnlyList<string> Values(string name) => _values.TryGetValue(name, out var values) ? values : [];

    // "-" alone is standard input, a value, not an option.
    private static bool IsOption(string arg) => arg.Length > 1 && arg[0] == '-';
}
