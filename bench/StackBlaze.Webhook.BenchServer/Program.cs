using StackBlaze.Webhook.BenchServer;

// The harness (bench/StackBlaze.Webhook.Benchmarks, load) starts this with the catalog to serve.
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: StackBlaze.Webhook.BenchServer CATALOG_PATH");
    return 2;
}
return await BenchServer.RunAsync(args[0]);
