using System.Net;
using System.Net.Sockets;

namespace StackBlaze.Webhook.Tests.Support;

/// <summary>
/// A real PostgreSQL of the test's own: a fresh cluster in a temporary folder, listening on
/// 127.0.0.1 only on a free port, password (scram-sha-256) auth over TCP, stopped and deleted after.
/// Run as the <c>postgres</c> user when the tests run as root, which PostgreSQL refuses.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private const string Superuser = "postgres";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    private string _bin = "";
    private string _folder = "";

    /// <summary>The port the server listens on, on 127.0.0.1.</summary>
    public int Port { get; private set; }

    /// <summary>The psql of the server's own version.</summary>
    public string Psql => Path.Combine(_bin, "psql");

    private string DataFolder => Path.Combine(_folder, "data");

    private string SocketFolder => Path.Combine(_folder, "sockets");

    private string LogFile => Path.Combine(_folder, "server.log");

    public async Task InitializeAsync()
    {
        _bin = Binaries();
        _folder = Directory.CreateTempSubdirectory("stackblaze-postgres-").FullName;
        Directory.CreateDirectory(SocketFolder);
        if (RunsAsRoot)
        {
            await MustAsync(ProcessRunner.RunAsync("chown", ["-R", $"{Superuser}:", _folder], within: Bound), "chown");
        }
        // Local socket: trust, for the test's own set-up; TCP: passwords, so that a wrong one fails.
        await MustAsync(RunAsync("initdb", [
            "-D", DataFolder, "-U", Superuser, "-E", "UTF8", "--locale=C", "--auth-local=trust", "--auth-host=scram-sha-256"]), "initdb");
        Port = FreePort();
        await File.AppendAllTextAsync(Path.Combine(DataFolder, "postgresql.conf"), $"""

            listen_addresses = '127.0.0.1'
            port = {Port}
            unix_socket_directories = '{SocketFolder}'
            fsync = off
            """);
        var start = await RunAsync("pg_ctl", ["-D", DataFolder, "-l", LogFile, "-w", "-t", "30", "start"]);
        if (start.ExitCode != 0)
        {
            throw new InvalidOperationException($"PostgreSQL did not start: {start.Stderr.Trim()}\n{LogTail()}");
        }
    }

    /// <summary>Creates a login role <paramref name="name"/> with <paramref name="password"/> as it is, whatever it holds.</summary>
    public Task CreateRoleAsync(string name, string password) =>
        AdminAsync("CREATE ROLE :\"name\" LOGIN PASSWORD :'password';", ("name", name), ("password", password));

    /// <summary>Creates a database <paramref name="name"/> owned by <paramref name="owner"/>.</summary>
    public Task CreateDatabaseAsync(string name, string owner) =>
        AdminAsync("CREATE DATABASE :\"name\" OWNER :\"owner\";", ("name", name), ("owner", owner));

    /// <summary>
    /// Runs the server's psql with <paramref name="arguments"/> and only <paramref name="environment"/>'s
    /// libpq variables, as a container with that environment would: the test's own PG* variables are removed.
    /// </summary>
    internal Task<ProcessRunner.Result> RunPsqlAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var variables = Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(name => name.StartsWith("PG", StringComparison.Ordinal))
            .ToDictionary(name => name, string? (_) => null);
        foreach (var (name, value) in environment)
        {
            variables[name] = value;
        }
        return ProcessRunner.RunAsync(Psql, ["--no-psqlrc", .. arguments], environment: variables, within: Bound);
    }

    public async Task DisposeAsync()
    {
        if (_folder.Length == 0)
        {
            return;
        }
        if (File.Exists(Path.Combine(DataFolder, "postmaster.pid")))
        {
            await MustAsync(RunAsync("pg_ctl", ["-D", DataFolder, "-m", "fast", "-w", "-t", "30", "stop"]), "pg_ctl stop");
        }
        Directory.Delete(_folder, recursive: true);
    }

    private static bool RunsAsRoot => Environment.UserName == "root";

    // psql's own quoting (:"identifier", :'literal') from variables, so no value is ever spliced into SQL.
    private Task AdminAsync(string sql, params (string Name, string Value)[] variables) =>
        MustAsync(RunAsync("psql", [
            "--no-psqlrc", "-v", "ON_ERROR_STOP=1", "-h", SocketFolder, "-p", $"{Port}", "-U", Superuser, "-d", "postgres",
            .. variables.SelectMany(v => new[] { "-v", $"{v.Name}={v.Value}" })], sql), "psql");

    private Task<ProcessRunner.Result> RunAsync(string program, IEnumerable<string> arguments, string? stdin = null) =>
        RunsAsRoot
            ? ProcessRunner.RunAsync("runuser", ["-u", Superuser, "--", Path.Combine(_bin, program), .. arguments], stdin, _folder, within: Bound)
            : ProcessRunner.RunAsync(Path.Combine(_bin, program), arguments, stdin, _folder, within: Bound);

    private async Task MustAsync(Task<ProcessRunner.Result> run, string what)
    {
        var result = await run;
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{what} failed ({result.ExitCode}): {result.Stderr.Trim()}\n{LogTail()}");
        }
    }

    private string LogTail() =>
        File.Exists(LogFile) ? "server log: " + string.Join('\n', File.ReadLines(LogFile).TakeLast(20)) : "no server log";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // Debian keeps each major version in /usr/lib/postgresql/N/bin (not on PATH); elsewhere, PATH.
    private static string Binaries()
    {
        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Where(folder => int.TryParse(Path.GetFileName(folder), out _) && File.Exists(Path.Combine(folder, "bin", "pg_ctl")))
                .OrderByDescending(folder => int.Parse(Path.GetFileName(folder), System.Globalization.CultureInfo.InvariantCulture))
                .Select(folder => Path.Combine(folder, "bin"))
                .FirstOrDefault()
            : null;
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(folder => File.Exists(Path.Combine(folder, "pg_ctl")) && File.Exists(Path.Combine(folder, "initdb")));
        return debian ?? onPath
            ?? throw new InvalidOperationException("PostgreSQL's initdb and pg_ctl are neither in /usr/lib/postgresql/*/bin nor on PATH: .ci/run installs Debian's postgresql");
    }
}
