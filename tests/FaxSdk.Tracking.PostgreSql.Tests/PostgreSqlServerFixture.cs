using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace FaxSdk.Tracking.PostgreSql.Tests;

/// <summary>
/// A PostgreSQL server for the tests: the one <c>FAXSDK_TEST_POSTGRES</c> (an Npgsql connection string with the right
/// to create databases) points at, or else a private cluster started here (initdb into a temporary folder, pg_ctl on a
/// free port on 127.0.0.1 with password authentication, its unix socket in that folder, as the <c>postgres</c> user when running as root) and
/// stopped and removed when the tests end, also when they fail. Each test gets a fresh database.
/// </summary>
public sealed class PostgreSqlServerFixture : IAsyncLifetime
{
    /// <summary>The variable that names an existing server instead of a private cluster.</summary>
    public const string ServerVariable = "FAXSDK_TEST_POSTGRES";

    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);
    private string? _clusterFolder;
    private string? _binFolder;
    private string? _adminConnectionString;

    /// <summary>The connection string with the right to create and drop databases.</summary>
    public string AdminConnectionString => _adminConnectionString ?? throw new InvalidOperationException("The server has not started.");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable(ServerVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            _adminConnectionString = configured;
            return;
        }

        _binFolder = FindBinFolder(InstallRoot);
        _clusterFolder = Directory.CreateTempSubdirectory("faxsdk-pg-").FullName;
        AppDomain.CurrentDomain.ProcessExit += StopOnExit;
        try
        {
            await StartClusterAsync(_binFolder, _clusterFolder);
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "faxsdk_test_" + Guid.NewGuid().ToString("N");
        await using (var admin = new NpgsqlConnection(AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, closing its connections.</summary>
    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(AdminConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= StopOnExit;
        NpgsqlConnection.ClearAllPools();
        if (_clusterFolder is null || _binFolder is null)
        {
            return;
        }

        var folder = _clusterFolder;
        _clusterFolder = null;
        try
        {
            if (File.Exists(Path.Combine(folder, "data", "postmaster.pid")))
            {
                await RunAsync(Path.Combine(_binFolder, "pg_ctl"), ["-D", Path.Combine(folder, "data"), "-m", "immediate", "-w", "stop"], asPostgres: true);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private void StopOnExit(object? sender, EventArgs e)
    {
        // The test host is going away without DisposeAsync (a crash or a cancelled run): do not leave a server behind.
        if (_clusterFolder is { } folder && _binFolder is { } bin)
        {
            try
            {
                RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", Path.Combine(folder, "data"), "-m", "immediate", "-w", "stop"], asPostgres: true).GetAwaiter().GetResult();
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception exception) when (exception is InvalidOperationException or IOException or UnauthorizedAccessException)
            {
                // Best effort at exit.
            }
        }
    }

    private async Task StartClusterAsync(string bin, string folder)
    {
        var data = Path.Combine(folder, "data");
        var socket = Path.Combine(folder, "socket");
        Directory.CreateDirectory(socket);
        // Password authentication, even on 127.0.0.1: other local users cannot use the test server.
        var password = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(18));
        var passwordFile = Path.Combine(folder, "pwfile");
        await File.WriteAllTextAsync(passwordFile, password + "\n");
        if (IsRoot)
        {
            await RunAsync("chown", ["-R", "postgres:postgres", folder], asPostgres: false);
        }

        await RunAsync(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=scram-sha-256", "--pwfile=" + passwordFile, "-E", "UTF8", "--no-sync", "--locale=C.UTF-8"], asPostgres: true);
        File.Delete(passwordFile);
        var port = FreePort();
        var serverOptions = $"-h 127.0.0.1 -p {port} -k {socket} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
        await RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", data, "-l", Path.Combine(folder, "server.log"), "-o", serverOptions, "-w", "-t", "60", "start"], asPostgres: true);
        _adminConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = "postgres",
            Password = password,
            Database = "postgres",
            Pooling = false,
        }.ConnectionString;
    }

    private static bool IsRoot => Environment.UserName == "root";

    /// <summary>Where Debian and Ubuntu install PostgreSQL's versions (<c>/usr/lib/postgresql/15/bin</c>, …).</summary>
    public const string InstallRoot = "/usr/lib/postgresql";

    /// <summary>The newest <c>VERSION/bin</c> folder under <paramref name="installRoot"/> that has initdb and pg_ctl.</summary>
    /// <exception cref="InvalidOperationException">There is none; the message says how to install PostgreSQL.</exception>
    public static string FindBinFolder(string installRoot)
    {
        var candidates = Directory.Exists(installRoot)
            ? Directory.GetDirectories(installRoot)
                .Select(d => Path.Combine(d, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "pg_ctl")) && File.Exists(Path.Combine(b, "initdb")))
                .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var v) ? v : 0)
                .ToList()
            : [];
        return candidates.FirstOrDefault() ?? throw new InvalidOperationException(
            "The PostgreSQL tests need a PostgreSQL server, and neither FAXSDK_TEST_POSTGRES (a connection string) is set nor are " +
            $"initdb and pg_ctl installed under {installRoot}/*/bin. Install the server (Debian/Ubuntu: " +
            "`sudo apt-get install -y postgresql`), or run `.ci/postgres start` and export the FAXSDK_TEST_POSTGRES it prints.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asPostgres)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres && IsRoot)
        {
            // The server refuses to run as root.
            start.FileName = "runuser";
            foreach (var argument in new[] { "-u", "postgres", "--", program })
            {
                start.ArgumentList.Add(argument);
            }
        }
        else
        {
            start.FileName = program;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(CommandTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{program} did not finish within {CommandTimeout}.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{await output}\n{await error}");
        }
    }
}

/// <summary>The tests that share one PostgreSQL server.</summary>
[CollectionDefinition(Name)]
public sealed class PostgreSqlCollection : ICollectionFixture<PostgreSqlServerFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "PostgreSQL";
}
