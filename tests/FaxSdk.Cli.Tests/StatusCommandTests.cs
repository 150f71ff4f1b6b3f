using System.Text.Json;
using FaxSdk.Serialization;
using FaxSdk.Testing;

namespace FaxSdk.Cli.Tests;

public sealed class StatusCommandTests : IAsyncLifetime
{
    private EmulatorHost _host = null!;
    private string _config = null!;

    public async Task InitializeAsync()
    {
        _host = await EmulatorHost.StartVirtualAsync();
        _host.Emulator.AddJob(EmulatedJob.Succeeds("phaxio", "5001", recipients: 2));
        _host.Emulator.AddJob(EmulatedJob.PartiallySucceeds("phaxio", "5002", FaxFailureCategory.Busy));
        _host.Emulator.AddJob(EmulatedJob.Fails("phaxio", "5003", FaxFailureCategory.InvalidNumber));
        _host.Emulator.AddJob(EmulatedJob.Succeeds("phaxio", "5004"));
        _host.Emulator.AddJob(EmulatedJob.PausedThenSucceeds("pantarey", "pt-1") with { IsTest = true });
        _host.Emulator.AddJob(EmulatedJob.Succeeds("concord", "br1"));
        _host.Emulator.AddJob(EmulatedJob.Fails("concord", "br2", FaxFailureCategory.Busy));
        _host.Clock!.Advance(TimeSpan.FromMinutes(5));
        _host.Emulator.AddJob(EmulatedJob.Succeeds("phaxio", "5005", step: TimeSpan.FromMinutes(1)));
        _config = await _host.WriteEmulatorConfigAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Table_shows_each_job_state_provider_status_and_each_recipient_with_failure_and_retryability()
    {
        var (exitCode, output, error) = await CliRunner.RunAsync("status", "--config", _config, "--provider", "phaxio", "5001", "5002", "5003", "5005");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Empty(error);
        var lines = CliRunner.Lines(output);
        Assert.Equal(["PROVIDER", "JOB", "STATE", "PROVIDER", "STATUS", "RECIPIENT", "RECIPIENT", "STATE", "FAILURE", "RETRYABLE"], lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));

        // 5001: two delivered recipients, the second on a continuation row.
        var succeeded = Row(lines, "5001");
        Assert.Equal(["phaxio", "5001", "succeeded", "success", "+15550100000", "succeeded", "-", "-"], succeeded);
        var continuation = lines[Array.FindIndex(lines, l => l.Contains(" 5001 ", StringComparison.Ordinal)) + 1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["+15550100001", "succeeded", "-", "-"], continuation);

        Assert.Equal(["phaxio", "5002", "partiallySucceeded", "partialsuccess", "+15550100000", "succeeded", "-", "-"], Row(lines, "5002"));
        Assert.Contains(lines, l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries) is ["+15550100001", "failed", "busy", "yes"]);
        Assert.Equal(["phaxio", "5003", "failed", "failure", "+15550100000", "failed", "invalidNumber", "no"], Row(lines, "5003"));
        Assert.Contains(Row(lines, "5005")[2], new[] { "pending", "inProgress" });
    }

    [Fact]
    public async Task Json_is_the_canonical_array_in_the_order_asked()
    {
        var (exitCode, output, error) = await CliRunner.RunAsync("status", "--config", _config, "--provider", "phaxio", "--json", "5003", "5002", "5001");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Empty(error);
        var statuses = JsonSerializer.Deserialize(output, FaxSdkJsonContext.Canonical.FaxJobStatusArray)!;
        Assert.Equal(["5003", "5002", "5001"], statuses.Select(s => s.JobId));
        Assert.Equal([FaxJobState.Failed, FaxJobState.PartiallySucceeded, FaxJobState.Succeeded], statuses.Select(s => s.State));
        Assert.Equal(FaxFailureCategory.InvalidNumber, statuses[0].Recipients.Single().Error!.Category);
        Assert.Equal(FaxFailureCategory.Busy, statuses[1].Recipients.Single(r => r.State == FaxRecipientState.Failed).Error!.Category);
        Assert.All(statuses, s => Assert.Equal("phaxio", s.Provider));
        Assert.Contains("\"state\":\"partiallySucceeded\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Batch_provider_reads_many_jobs()
    {
        var (exitCode, output, _) = await CliRunner.RunAsync("status", "--config", _config, "--provider", "concord", "--json", "br1", "br2");

        Assert.Equal(ExitCodes.Success, exitCode);
        var statuses = JsonSerializer.Deserialize(output, FaxSdkJsonContext.Canonical.FaxJobStatusArray)!;
        Assert.Equal([FaxJobState.Succeeded, FaxJobState.Failed], statuses.Select(s => s.State));
    }

    [Fact]
    public async Task Test_flag_finds_a_sandbox_job()
    {
        var live = await CliRunner.RunAsync("status", "--config", _config, "--provider", "pantarey", "pt-1");
        var test = await CliRunner.RunAsync("status", "--config", _config, "--provider", "pantarey", "--test", "--json", "pt-1");

        Assert.Equal(ExitCodes.ProviderError, live.ExitCode);
        Assert.Contains("job not found", live.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, test.ExitCode);
        var status = Assert.Single(JsonSerializer.Deserialize(test.Out, FaxSdkJsonContext.Canonical.FaxJobStatusArray)!);
        Assert.True(status.IsTest);
        Assert.Equal(FaxJobState.Succeeded, status.State);
    }

    [Fact]
    public async Task Unknown_job_is_a_provider_error_in_one_line_without_credentials()
    {
        var (exitCode, output, error) = await CliRunner.RunAsync("status", "--config", _config, "--provider", "phaxio", "999999");

        Assert.Equal(ExitCodes.ProviderError, exitCode);
        Assert.Empty(output);
        var line = Assert.Single(CliRunner.Lines(error));
        Assert.StartsWith("faxstatus: phaxio:999999: ", line, StringComparison.Ordinal);
        Assert.Contains("job not found", line, StringComparison.Ordinal);
        AssertNoSecret(error);
    }

    [Fact]
    public async Task Partial_failure_prints_what_was_read_reports_the_error_and_exits_4()
    {
        var (exitCode, output, error) = await CliRunner.RunAsync("status", "--config", _config, "--provider", "phaxio", "--json", "5001", "424242", "5003");

        Assert.Equal(ExitCodes.ProviderError, exitCode);
        var statuses = JsonSerializer.Deserialize(output, FaxSdkJsonContext.Canonical.FaxJobStatusArray)!;
        Assert.Equal(["5001", "5003"], statuses.Select(s => s.JobId));
        var line = Assert.Single(CliRunner.Lines(error));
        Assert.Contains("phaxio:424242", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Credentials_from_environment_variables_override_the_file()
    {
        var wrong = _host.WriteConfig(_host.Settings(("FaxSdk:Phaxio:ApiKey", "wrong-key-from-file")).Where(s => s.Key.StartsWith("FaxSdk:Phaxio:", StringComparison.Ordinal)));

        var rejected = await CliRunner.RunAsync("status", "--config", wrong, "--provider", "phaxio", "5001");
        var overridden = await CliRunner.RunWithEnvironmentAsync(
            new Dictionary<string, string?> { ["FaxSdk__Phaxio__ApiKey"] = _host.Emulator.Credentials.PhaxioApiKey },
            "status", "--config", wrong, "--provider", "phaxio", "--json", "5001");

        Assert.Equal(ExitCodes.ProviderError, rejected.ExitCode);
        Assert.Contains("authentication failed", rejected.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-key-from-file", rejected.Error, StringComparison.Ordinal);
        AssertNoSecret(rejected.Error);
        Assert.Equal(ExitCodes.Success, overridden.ExitCode);
        Assert.Equal(FaxJobState.Succeeded, JsonSerializer.Deserialize(overridden.Out, FaxSdkJsonContext.Canonical.FaxJobStatusArray)!.Single().State);
    }

    [Fact]
    public async Task Environment_variables_alone_are_a_configuration()
    {
        var environment = _host.Settings()
            .Where(s => s.Key.StartsWith("FaxSdk:Phaxio:", StringComparison.Ordinal))
            .ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);

        var (exitCode, output, error) = await CliRunner.RunWithEnvironmentAsync(environment, "status", "--provider", "phaxio", "5003");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Empty(error);
        Assert.Contains("invalidNumber", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Named_instance_is_read_from_its_own_section()
    {
        var settings = _host.Settings()
            .Where(s => s.Key.StartsWith("FaxSdk:Phaxio:", StringComparison.Ordinal))
            .Select(s => new KeyValuePair<string, string?>(s.Key.Replace("FaxSdk:Phaxio:", "FaxSdk:Phaxio:Instances:second:", StringComparison.Ordinal), s.Value));
        var config = _host.WriteConfig(settings);

        var named = await CliRunner.RunAsync("status", "--config", config, "--provider", "phaxio", "--instance", "second", "5004");
        var unnamed = await CliRunner.RunAsync("status", "--config", config, "--provider", "phaxio", "5004");

        Assert.Equal(ExitCodes.Success, named.ExitCode);
        Assert.Equal("succeeded", Row(CliRunner.Lines(named.Out), "5004")[2]);
        Assert.Equal(ExitCodes.InputError, unnamed.ExitCode);
        Assert.Contains("provider 'phaxio' is not configured", unnamed.Error, StringComparison.Ordinal);
        Assert.Contains("phaxio --instance second", unnamed.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("50\u001b[2J01")]
    public async Task An_invalid_job_id_exits_3_with_one_line_and_sends_nothing(string jobId)
    {
        var requestsBefore = _host.Emulator.Requests.Count;

        var (exitCode, output, error) = await CliRunner.RunAsync("status", "--config", _config, "--provider", "phaxio", "5001", jobId);

        Assert.Equal(ExitCodes.InputError, exitCode);
        Assert.Empty(output);
        var line = Assert.Single(CliRunner.Lines(error));
        Assert.Contains("not a valid job id", line, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', error);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.Equal(requestsBefore, _host.Emulator.Requests.Count);
    }

    [Fact]
    public async Task Missing_config_file_is_an_input_error()
    {
        var missing = _host.NewPath();

        var (exitCode, output, error) = await CliRunner.RunAsync("status", "--config", missing, "--provider", "phaxio", "5001");

        Assert.Equal(ExitCodes.InputError, exitCode);
        Assert.Empty(output);
        Assert.Equal($"faxstatus: configuration file '{missing}' was not found.", Assert.Single(CliRunner.Lines(error)));
    }

    [Fact]
    public async Task Malformed_config_file_is_an_input_error()
    {
        var broken = _host.WriteText("""{"FaxSdk": {"Phaxio": {"ApiKey": "secret-in-broken-file",""");

        var (exitCode, _, error) = await CliRunner.RunAsync("status", "--config", broken, "--provider", "phaxio", "5001");

        Assert.Equal(ExitCodes.InputError, exitCode);
        var line = Assert.Single(CliRunner.Lines(error));
        Assert.Contains("is not valid JSON", line, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-in-broken-file", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_options_are_listed_one_line_each_without_credentials()
    {
        var config = _host.WriteConfig(_host.Settings(("FaxSdk:Phaxio:ApiSecret", null), ("FaxSdk:StoneFax:Username", null), ("FaxSdk:Pantarey:BaseAddress", "http://example.com/pantarey")));

        var (exitCode, output, error) = await CliRunner.RunAsync("status", "--config", config, "--provider", "phaxio", "5001");

        Assert.Equal(ExitCodes.InputError, exitCode);
        Assert.Empty(output);
        var lines = CliRunner.Lines(error);
        Assert.Equal(3, lines.Length);
        Assert.All(lines, l => Assert.StartsWith("faxstatus: configuration: ", l, StringComparison.Ordinal));
        Assert.Contains("faxstatus: configuration: The FaxSdk:Phaxio:ApiSecret field is required.", lines);
        Assert.Contains("faxstatus: configuration: The FaxSdk:StoneFax:Username field is required.", lines);
        Assert.Contains(lines, l => l.StartsWith("faxstatus: configuration: FaxSdk:Pantarey:BaseAddress: refusing plain http", StringComparison.Ordinal));
        AssertNoSecret(error);
    }

    [Theory]
    [InlineData("phaxio", "Phaxio")]
    [InlineData("stonefax", "StoneFax")]
    [InlineData("pantarey", "Pantarey")]
    [InlineData("concord", "Concord")]
    [InlineData("retarus", "Retarus")]
    public async Task An_invalid_resilience_value_stops_start_up_naming_the_setting_of_the_instance(string provider, string section)
    {
        var settings = _host.Settings(($"FaxSdk:{section}:Resilience:MaxRetryAttempts", "500"));
        foreach (var (key, value) in settings.Where(s => s.Key.StartsWith($"FaxSdk:{section}:", StringComparison.OrdinalIgnoreCase) && !s.Key.Contains(":Resilience:", StringComparison.Ordinal)).ToList())
        {
            settings[$"FaxSdk:{section}:Instances:eu:{key[($"FaxSdk:{section}:".Length)..]}"] = value;
        }

        settings[$"FaxSdk:{section}:Instances:eu:Resilience:CircuitBreakerFailureRatio"] = "1.5";
        var config = _host.WriteConfig(settings);

        var (exitCode, output, error) = await CliRunner.RunAsync("status", "--config", config, "--provider", provider, "--instance", "eu", "5001");

        Assert.Equal(ExitCodes.InputError, exitCode);
        Assert.Empty(output);
        Assert.Equal(
            [
                $"faxstatus: configuration: The field FaxSdk:{section}:Instances:eu:Resilience:CircuitBreakerFailureRatio must be between 0 exclusive and 1.",
                $"faxstatus: configuration: The field FaxSdk:{section}:Resilience:MaxRetryAttempts must be between 0 and 100.",
            ],
            CliRunner.Lines(error).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_value_that_cannot_be_bound_is_reported_without_echoing_credentials()
    {
        var config = _host.WriteConfig(_host.Settings(("FaxSdk:Phaxio:ApiKey", "k3y-value-1234"), ("FaxSdk:Phaxio:Timeout", "k3y-value-1234")));

        var (exitCode, output, error) = await CliRunner.RunAsync("status", "--config", config, "--provider", "phaxio", "5001");

        Assert.Equal(ExitCodes.InputError, exitCode);
        Assert.Empty(output);
        var line = Assert.Single(CliRunner.Lines(error));
        Assert.StartsWith("faxstatus: configuration: ", line, StringComparison.Ordinal);
        Assert.Contains("FaxSdk:Phaxio:Timeout", line, StringComparison.Ordinal);
        Assert.DoesNotContain("k3y-value-1234", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_configuration_at_all_is_an_input_error()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync("status", "--provider", "phaxio", "5001");

        Assert.Equal(ExitCodes.InputError, exitCode);
        Assert.Contains("no provider is configured", Assert.Single(CliRunner.Lines(error)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_provider_and_missing_job_are_usage_errors()
    {
        var unknown = await CliRunner.RunAsync("status", "--config", _config, "--provider", "telefax", "5001");
        var noJob = await CliRunner.RunAsync("status", "--config", _config, "--provider", "phaxio");

        Assert.Equal(ExitCodes.UsageError, unknown.ExitCode);
        Assert.Contains("telefax", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.UsageError, noJob.ExitCode);
    }

    private static string[] Row(string[] lines, string jobId) =>
        lines.Single(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [_, var id, ..] && id == jobId).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private void AssertNoSecret(string text)
    {
        foreach (var secret in _host.Secrets)
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    }
}
