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

    [Theory]
    [InlineData("concord", "<Envelope><Body><FaxStatusResponse><return>true</return><FaxStatusList><item><FaxJobId>b</FaxJobId><FaxJobStatusId>1</FaxJobStatusId><StatusDescription><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a></a></a></a></a></a></a></a></a></a></a></a></a></a></a></a></a></a></a></a></a></a></a></a></a></a></a></a></a></a></a></StatusDescription></item></FaxStatusList></FaxStatusResponse></Body></Envelope>")]
    [InlineData("concord", """{"GetFaxStatusResponse":{"return":true,"FaxStatusList":[{"FaxJobStatusId":1}]}}""")]
    [InlineData("stonefax", """{"faxId":"f","status":"Completed","recipient":[{}, 5]}""")]
    public async Task A_parse_failure_exits_3_with_one_line_and_no_stack_trace(string provider, string body)
    {
        var (exitCode, output, error) = await CliRunner.RunAsync("parse", "--provider", provider, Write(body));

        Assert.Equal(ExitCodes.InputError, exitCode);
        Assert.Empty(output);
        Assert.Single(CliRunner.Lines(error));
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Provider_text_with_ansi_escapes_is_printed_escaped()
    {
        var body = "{\"GetFaxStatusResponse\":{\"return\":false,\"WSError\":{\"ErrorCode\":-1,\"ErrorString\":\"\\u001b[2J\\u001b[31mpwned\\u0007\"}}}";

        var (exitCode, _, error) = await CliRunner.RunAsync("parse", "--provider", "concord", Write(body));

        Assert.Equal(ExitCodes.ProviderError, exitCode);
        Assert.DoesNotContain('\u001b', error);
        Assert.DoesNotContain('\u0007', error);
        Assert.Contains("\\u001b[31mpwned", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Time_zone_reads_stonefax_server_local_times()
    {
        var body = """{"faxId":"f","status":"Completed","endTime":"2016-11-25T15:57:40.0000000","recipient":{"faxNumber":"1"}}""";

        var (exitCode, output, _) = await CliRunner.RunAsync("parse", "--provider", "stonefax", "--time-zone", "Asia/Tokyo", Write(body));
        var utc = await CliRunner.RunAsync("parse", "--provider", "stonefax", Write(body));
        var unknown = await CliRunner.RunAsync("parse", "--provider", "stonefax", "--time-zone", "Mars/Olympus", Write(body));

        Assert.Equal(ExitCodes.Success, exitCode);
        var status = Assert.Single(JsonSerializer.Deserialize(output, FaxSdkJsonContext.Canonical.FaxJobStatusArray)!);
        Assert.Equal(new DateTimeOffset(2016, 11, 25, 15, 57, 40, TimeSpan.FromHours(9)), status.CompletedAt);
        Assert.Equal(TimeSpan.FromHours(9), status.CompletedAt!.Value.Offset);
        Assert.Contains("2016-11-25T15:57:40+00:00", utc.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.InputError, unknown.ExitCode);
    }

    [Fact]
    public async Task Job_id_reads_a_concord_simple_answer()
    {
        var body = """{"SimpleGetFaxStatusResponse":{"return":2}}""";

        var (exitCode, output, _) = await CliRunner.RunAsync("parse", "--provider", "concord", "--job-id", "br42", Write(body));
        var without = await CliRunner.RunAsync("parse", "--provider", "concord", Write(body));

        Assert.Equal(ExitCodes.Success, exitCode);
        var status = Assert.Single(JsonSerializer.Deserialize(output, FaxSdkJsonContext.Canonical.FaxJobStatusArray)!);
        Assert.Equal(("br42", FaxJobState.Failed), (status.JobId, status.State));
        Assert.Equal(ExitCodes.InputError, without.ExitCode);
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

public sealed class ParseCommandBatchProviderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("faxstatus-parse2-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string content)
    {
        var path = Path.Combine(_directory, Guid.NewGuid().ToString("N"));
        File.WriteAllText(path, content);
        return path;
    }

    [Theory]
    [InlineData("""{"GetFaxStatusResponse":{"return":true,"FaxStatusList":[{"FaxJobId":"br1","FaxJobStatusId":1},{"FaxJobId":"br2","FaxJobStatusId":3}],"WSError":{"ErrorCode":0,"ErrorString":""}}}""")]
    [InlineData("""<Envelope><Body><FaxStatusResponse><return>true</return><FaxStatusList><item><FaxJobId>br1</FaxJobId><FaxJobStatusId>1</FaxJobStatusId></item><item><FaxJobId>br2</FaxJobId><FaxJobStatusId>3</FaxJobStatusId></item></FaxStatusList></FaxStatusResponse></Body></Envelope>""")]
    public async Task Concord_json_and_soap_print_one_status_per_job(string body)
    {
        var (exitCode, output, _) = await CliRunner.RunAsync("parse", "--provider", "concord", Write(body));

        Assert.Equal(ExitCodes.Success, exitCode);
        var statuses = System.Text.Json.JsonSerializer.Deserialize(output, FaxSdk.Serialization.FaxSdkJsonContext.Canonical.FaxJobStatusArray)!;
        Assert.Equal([("br1", FaxJobState.Succeeded), ("br2", FaxJobState.InProgress)], statuses.Select(s => (s.JobId, s.State)));
    }

    [Fact]
    public async Task Concord_return_false_exits_4_with_the_provider_error_text()
    {
        var (exitCode, output, error) = await CliRunner.RunAsync("parse", "--provider", "concord",
            Write("""{"GetFaxStatusResponse":{"return":false,"WSError":{"ErrorCode":-1002,"ErrorString":"Invalid UserID or PIN"}}}"""));

        Assert.Equal(ExitCodes.ProviderError, exitCode);
        Assert.Empty(output);
        Assert.Contains("Invalid UserID or PIN", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"reports":[{"jobId":"FJ1","recipientStatus":[{"number":"+1","status":"OK","durationInSecs":3}]},{"jobId":"FJ2","recipientStatus":[{"number":"+2","status":"BUSY","durationInSecs":0}]}]}""", 2)]
    [InlineData("""{"jobId":"FJ1","recipientStatus":[{"number":"+1","status":"OK","durationInSecs":3}]}""", 1)]
    public async Task Retarus_report_list_or_single_report(string body, int count)
    {
        var (exitCode, output, _) = await CliRunner.RunAsync("parse", "--provider", "retarus", Write(body));

        Assert.Equal(ExitCodes.Success, exitCode);
        var statuses = System.Text.Json.JsonSerializer.Deserialize(output, FaxSdk.Serialization.FaxSdkJsonContext.Canonical.FaxJobStatusArray)!;
        Assert.Equal(count, statuses.Length);
        Assert.Equal(FaxJobState.Succeeded, statuses[0].State);
    }

    [Fact]
    public async Task A_stored_push_for_a_provider_without_a_webhook_parser_is_a_usage_error_that_says_so()
    {
        // StoneFax has no push (docs/webhooks.md), so its package never sets FaxProviderDescriptor.WebhookParser.
        var (exitCode, output, error) = await CliRunner.RunAsync("parse", "--provider", "stonefax", "--content-type", "application/x-www-form-urlencoded", Write("a=1"));

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Empty(output);
        Assert.StartsWith("faxstatus: provider 'stonefax' cannot read stored pushes (its package has no webhook parser); providers that can: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stored_phaxio_multipart_push_is_read_with_content_type_and_a_changed_boundary_is_an_input_error()
    {
        using var content = new MultipartFormDataContent("stored-boundary");
        foreach (var (name, value) in PhaxioPushes.FaxCompleted(555001, "failure"))
        {
            content.Add(new StringContent(value), name);
        }

        var path = Path.Combine(_directory, "push.multipart");
        await File.WriteAllBytesAsync(path, await content.ReadAsByteArrayAsync());

        var (exitCode, output, error) = await CliRunner.RunAsync("parse", "--provider", "phaxio", "--content-type", "multipart/form-data; boundary=stored-boundary", path);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Empty(error);
        var status = Assert.Single(JsonSerializer.Deserialize(output, FaxSdkJsonContext.Canonical.FaxJobStatusArray)!);
        Assert.Equal(("phaxio", "555001", FaxJobState.Failed), (status.Provider, status.JobId, status.State));

        var (badExit, badOutput, badError) = await CliRunner.RunAsync("parse", "--provider", "phaxio", "--content-type", "multipart/form-data; boundary=another", path);
        Assert.Equal(ExitCodes.InputError, badExit);
        Assert.Empty(badOutput);
        Assert.StartsWith("faxstatus: ", badError, StringComparison.Ordinal);
    }
}
