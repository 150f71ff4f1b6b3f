using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace FaxSdk.Cli.Tests;

/// <summary><c>faxstatus track add</c> and <c>track list</c> on SQLite files (and a PostgreSQL server that is not there).</summary>
public sealed class TrackCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("faxstatus-track-").FullName;

    private string Store => "sqlite:" + Path.Combine(_directory, "fax.db");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Adding_twice_is_the_same_as_adding_once_and_list_shows_every_job_in_order_without_a_status_yet()
    {
        var first = await CliRunner.RunAsync("track", "add", "--store", Store, "--provider", "phaxio", "1002", "1001", "1001");
        var second = await CliRunner.RunAsync("track", "add", "--store", Store, "--provider", "phaxio", "1002", "1003");
        var test = await CliRunner.RunAsync("track", "add", "--store", Store, "--provider", "pantarey", "--instance", "sandbox", "--test", "p-1");

        Assert.Equal((ExitCodes.Success, "added 2 job(s), 0 already tracked", ""), (first.ExitCode, first.Out.Trim(), first.Error));
        Assert.Equal((ExitCodes.Success, "added 1 job(s), 1 already tracked", ""), (second.ExitCode, second.Out.Trim(), second.Error));
        Assert.Equal((ExitCodes.Success, "added 1 job(s), 0 already tracked", ""), (test.ExitCode, test.Out.Trim(), test.Error));

        var (exitCode, output, error) = await CliRunner.RunAsync("track", "list", "--store", Store, "--json");
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Empty(error);
        using var document = JsonDocument.Parse(output);
        var jobs = document.RootElement.EnumerateArray().ToList();
        Assert.Equal(
            ["pantarey/sandbox/p-1/True", "phaxio/default/1001/False", "phaxio/default/1002/False", "phaxio/default/1003/False"],
            jobs.Select(j => $"{j.GetProperty("provider").GetString()}/{j.GetProperty("instance").GetString()}/{j.GetProperty("jobId").GetString()}/{j.GetProperty("isTest").GetBoolean()}"));
        Assert.All(jobs, j =>
        {
            Assert.Equal(JsonValueKind.Null, j.GetProperty("status").ValueKind);
            Assert.False(j.GetProperty("done").GetBoolean());
            Assert.False(j.GetProperty("completionHandled").GetBoolean());
            Assert.Equal(JsonValueKind.Null, j.GetProperty("leaseOwner").ValueKind);
            Assert.True(j.GetProperty("nextDueAt").GetDateTimeOffset() <= DateTimeOffset.UtcNow);
        });

        var table = CliRunner.Lines((await CliRunner.RunAsync("track", "list", "--store", Store)).Out);
        Assert.Equal(["PROVIDER", "INSTANCE", "JOB", "STATE"], table[0].Split(' ', StringSplitOptions.RemoveEmptyEntries)[..4]);
        Assert.Equal(5, table.Length);
        Assert.Equal(["pantarey", "sandbox", "(test)", "p-1", "-"], table[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)[..5]);
    }

    [Fact]
    public async Task An_empty_store_is_created_and_listed_as_such()
    {
        var (exitCode, output, error) = await CliRunner.RunAsync("track", "list", "--store", Store);
        var json = await CliRunner.RunAsync("track", "list", "--store", Store, "--json");

        Assert.Equal((ExitCodes.Success, "No jobs tracked.", ""), (exitCode, output.Trim(), error));
        Assert.Equal((ExitCodes.Success, "[]"), (json.ExitCode, json.Out.Trim()));
        Assert.True(File.Exists(Path.Combine(_directory, "fax.db")));
    }

    [Fact]
    public async Task An_invalid_job_id_exits_3_before_the_store_is_touched()
    {
        var (exitCode, output, error) = await CliRunner.RunAsync("track", "add", "--store", Store, "--provider", "phaxio", "1001", "..");

        Assert.Equal(ExitCodes.InputError, exitCode);
        Assert.Empty(output);
        Assert.StartsWith("faxstatus: ", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_directory, "fax.db")));
    }

    [Theory]
    [InlineData("add", "--provider", "phaxio", "1001")]
    [InlineData("list")]
    public async Task A_store_that_cannot_be_opened_exits_6_with_one_line(params string[] command)
    {
        // A directory where the file should be.
        var (exitCode, output, error) = await CliRunner.RunAsync(["track", command[0], "--store", "sqlite:" + _directory, .. command[1..]]);

        Assert.Equal(ExitCodes.StoreError, exitCode);
        Assert.Empty(output);
        Assert.Single(CliRunner.Lines(error));
        Assert.StartsWith($"faxstatus: store sqlite:{_directory}: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_postgres_server_exits_6_naming_the_store_without_its_password()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var (exitCode, output, error) = await CliRunner.RunAsync("track", "list", "--store", $"postgres:Host=127.0.0.1;Port={port};Username=fax;Password=s3cr3t-pw;Timeout=5");

        Assert.Equal(ExitCodes.StoreError, exitCode);
        Assert.Empty(output);
        Assert.Single(CliRunner.Lines(error));
        Assert.StartsWith($"faxstatus: store postgres:Host=127.0.0.1;Port={port};Username=fax;Timeout=5: ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("list")]
    [InlineData("add", "--provider", "phaxio", "1001")]
    public async Task A_missing_or_malformed_store_is_a_usage_error_that_never_echoes_the_value(params string[] command)
    {
        var missing = await CliRunner.RunAsync(["track", .. command]);
        var malformed = await CliRunner.RunAsync(["track", command[0], "--store", "Host=db;Password=s3cr3t", .. command[1..]]);

        Assert.Equal(ExitCodes.UsageError, missing.ExitCode);
        Assert.Contains("--store", missing.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.UsageError, malformed.ExitCode);
        Assert.StartsWith("faxstatus: --store must be sqlite:PATH or postgres:CONNECTION-STRING", malformed.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", malformed.Error, StringComparison.Ordinal);
    }
}
