using System.Text;
using StackBlaze.Webhook.CommandLine;

// Input that is not UTF-8 is refused, as go-yaml refuses it, rather than read as U+FFFD.
using var stdin = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true));
return await Cli.RunAsync(args, stdin, StandardOutput.Open(), Console.Error);
