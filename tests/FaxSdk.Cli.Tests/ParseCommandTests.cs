using System.Text.Json;
using FaxSdk.Serialization;

namespace FaxSdk.Cli.Tests;

public sealed class ParseCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("faxstatus-parse-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string content)
    {
        var path = Path.Combine(_directory, Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, content);
        return path;
    }

    [Theory]
    [InlineData("phaxio", """{"success":true,"message":"ok","data":{"id":42,"status":"partialsuccess","recipients":[{"phone_number":"+15550000001","status":"success"},{"phone_number":"+15550000002","status":"failure","error_type":"lineError","error_id":17,"error_message":"Busy"}]}}""", "42", FaxJobState.PartiallySucceeded)]
    [InlineData("stonefax", """{"__type":"OutboundFax:StoneFax.Faxes","faxId":"IAS-N1_1","status":"Failed","Q931Code":17,"recipient":{"faxNumber":"10002","name":"Mario Rossi"}}""", "IAS-N1_1", FaxJobState.Failed)]
    [InlineData("pantarey", """{"jobId":"0d139d2c","status":"finished","recipients":[{"faxNumber":"0049530000000","resultCode":0,"resultText":"OK"},{"faxNumber":"0049530000001","resultCode":9,"resultText":"FAIL"}]}""", "0d139d2c", FaxJobState.PartiallySucceeded)]
    public async Task Prints_a_canonical_json_array(string provider, string body, string jobId, FaxJobState state)
    {
        var (exitCode, output, error) = await CliRunner.RunAsync("parse", "--provider", provider, Write(body));

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Empty(error);
        var statuses = JsonSerializer.Deserialize(output, FaxSdkJsonContext.Canonical.FaxJobStatusArray)!;
        var status = Assert.Single(statuses);
        Assert.Equal(provider, status.Provider);
        Assert.Equal(jobId, status.JobId);
        Assert.Equal(state, status.State);
        Assert.StartsWith("[{\"provider\":", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("phaxio", "", "empty")]
    [InlineData("phaxio", """{"success":true,"data":{"id":1,"stat""", "JSON")]
    [InlineData("stonefax", "<html><head><title>Service Unavailable</title></head></html>", "HTML")]
    [InlineData("pantarey", "   ", "empty")]
    public async Task Unreadable_input_exits_3_with_one_line_naming_the_provider(string provider, string body, string problem)
    {
        var (exitCode, output, error) = await CliRunner.RunAsync("parse", "--provider", provider, Write(body));

        Assert.Equal(ExitCodes.InputError, exitCode);
        Assert.Empty(output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(provider, line, StringComparison.Ordinal);
        Assert.Contains(problem, line, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Success_false_envelope_exits_4_with_the_provider_message()
    {
        var (exitCode, output, error) = await CliRunner.RunAsync("parse", "--provider", "phaxio", Write("""{"success":false,"message":"Fax not found"}"""));

        Assert.Equal(ExitCodes.ProviderError, exitCode);
        Assert.Empty(output);
        Assert.Contains("phaxio", error, StringComparison.Ordinal);
        Assert.Contains("Fax not found", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_file_exits_3()
    {
        var (exitCode, output, error) = await CliRunner.RunAsync("parse", "--provider", "phaxio", Path.Combine(_directory, "nope.json"));

        Assert.Equal(ExitCodes.InputError, exitCode);
        Assert.Empty(output);
        Assert.Contains("cannot read", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_provider_is_a_usage_error()
    {
        var (exitCode, output, _) = await CliRunner.RunAsync("parse", "--provider", "telex", Write("{}"));

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Empty(output);
    }
}
