using System.Text.Json;
using FaxSdk.Serialization;
using FaxSdk.Tracking.Sqlite;
using Microsoft.Data.Sqlite;

namespace FaxSdk.Tracking.Tests;

/// <summary>What <see cref="FaxSqliteTrackingStore"/> leaves in its file: WAL, the schema version, the status columns.</summary>
public sealed class SqliteStoreFileTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly string _directory = Directory.CreateTempSubdirectory("faxsdk-sqlite-file-").FullName;

    private string FilePath => Path.Combine(_directory, "nested", "tracking.db");

    [Fact]
    public async Task Migrate_creates_the_folder_and_file_in_WAL_mode_at_schema_version_1_once()
    {
        using (var store = new FaxSqliteTrackingStore(FilePath))
        {
            await store.MigrateAsync();
            await store.MigrateAsync();
        }

        Assert.Equal("wal", Scalar("PRAGMA journal_mode;"));
        Assert.Equal(1L, Scalar("SELECT COUNT(*) FROM faxsdk_schema_version;"));
        Assert.Equal(1L, Scalar("SELECT MAX(version) FROM faxsdk_schema_version;"));
    }

    [Fact]
    public async Task A_file_from_a_newer_schema_is_refused_and_left_as_it_is()
    {
        using var store = new FaxSqliteTrackingStore(FilePath);
        await store.MigrateAsync();
        await store.AddAsync([new FaxJobReference("phaxio", "1")], T0);
        Execute("INSERT INTO faxsdk_schema_version (version, applied_at) VALUES (2, 0);");

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => store.MigrateAsync());

        Assert.Contains("newer", refused.Message, StringComparison.Ordinal);
        Assert.NotNull(await store.GetAsync(new FaxJobReference("phaxio", "1")));
    }

    [Fact]
    public async Task The_status_is_stored_as_canonical_JSON_beside_its_indexed_columns()
    {
        using var store = new FaxSqliteTrackingStore(FilePath);
        await store.MigrateAsync();
        var job = new FaxJobReference("retarus", "J-1", "eu", isTest: true);
        await store.AddAsync([job], T0);
        await store.ClaimDueAsync("w1", T0, 1, TimeSpan.FromSeconds(90));
        var status = new FaxJobStatus { Provider = "retarus", JobId = "J-1", State = FaxJobState.PartiallySucceeded, Detail = "+15550100 ü" };
        await store.CompleteClaimsAsync("w1", [new FaxTrackedJobOutcome { Job = job, Status = status, NextDueAt = T0.AddSeconds(30), ConsecutiveErrors = 0 }]);

        Assert.Equal(JsonSerializer.Serialize(status, FaxSdkJsonContext.Canonical.FaxJobStatus), Scalar("SELECT status_json FROM faxsdk_tracked_jobs;"));
        Assert.Equal("partiallySucceeded", Scalar("SELECT state FROM faxsdk_tracked_jobs;"));
        Assert.Equal(1L, Scalar("SELECT is_final FROM faxsdk_tracked_jobs;"));
        Assert.Equal(1L, Scalar("SELECT is_test FROM faxsdk_tracked_jobs;"));
        Assert.Equal(T0.AddSeconds(30).ToUnixTimeMilliseconds(), Scalar("SELECT next_due_at FROM faxsdk_tracked_jobs;"));
        Assert.Equal(DBNull.Value, Scalar("SELECT lease_owner FROM faxsdk_tracked_jobs;"));
    }

    [Fact]
    public async Task A_damaged_status_is_a_typed_error()
    {
        using var store = new FaxSqliteTrackingStore(FilePath);
        await store.MigrateAsync();
        var job = new FaxJobReference("phaxio", "1");
        await store.AddAsync([job], T0);
        Execute("UPDATE faxsdk_tracked_jobs SET status_json = '{\"state\": [';");

        await Assert.ThrowsAsync<InvalidDataException>(() => store.GetAsync(job));
    }

    public void Dispose()
    {
        Directory.Delete(_directory, recursive: true);
    }

    private object? Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={FilePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={FilePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
