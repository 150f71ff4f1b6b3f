using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace FaxSdk.Cli.Tests;

public class ListenCommandTests
{
    [Fact]
    public async Task Listen_prints_its_address_and_endpoints_then_accepted_pushes_on_stdout_and_rejections_on_stderr()
    {
        var receiver = new FakeReceiver();
        var config = await WriteConfigAsync("""{"FaxSdk":{"Webhooks":{"QueueConcurrency":1}}}""");
        var output = new LockedStringWriter();
        var error = new LockedStringWriter();
        using var cancellation = new CancellationTokenSource();
        var console = new CliConsole(output, error)
        {
            Environment = new Dictionary<string, string?>(),
            ConfigureServices = services => services.AddSingleton(new FaxWebhookRegistration(FakeReceiver.ProviderId, FaxJobReference.DefaultInstance, _ => receiver)),
        };
        var run = Task.Run(() => FaxStatusCli.RunAsync(["listen", "--config", config, "--port", "0"], console, cancellation.Token));
        try
        {
            await Task.WhenAny(output.WhenLinesAsync(2), run).WaitAsync(TimeSpan.FromSeconds(30));
            var lines = CliRunner.Lines(output.ToString());
            Assert.True(lines.Length == 2, $"stdout: {output}\nstderr: {error}");
            Assert.Matches(@"^listening http://127\.0\.0\.1:[1-9][0-9]*$", lines[0]);
            Assert.Equal("endpoint fake default /faxsdk/hooks/fake", lines[1]);
            var address = lines[0]["listening ".Length..];

            // Without FaxSdk:Webhooks:PublicBaseUrl the provider is taken to call the listening address itself.
            using var http = new HttpClient { BaseAddress = new Uri(address) };
            var body = Encoding.UTF8.GetBytes("job=3001&state=Succeeded");
            using var signed = Push(body, FakeReceiver.Sign(receiver.Secret, address + "/faxsdk/hooks/fake?id=7", body), "?id=7");
            Assert.Equal(HttpStatusCode.Accepted, (await http.SendAsync(signed)).StatusCode);
            using var tampered = Push(Encoding.UTF8.GetBytes("job=3001&state=Failed"), FakeReceiver.Sign(receiver.Secret, address + "/faxsdk/hooks/fake", body), "");
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(tampered)).StatusCode);

            await output.WhenLinesAsync(3).WaitAsync(TimeSpan.FromSeconds(30));
            using var json = JsonDocument.Parse(CliRunner.Lines(output.ToString())[2]);
            Assert.Equal("fake", json.RootElement.GetProperty("provider").GetString());
            Assert.Equal("3001", json.RootElement.GetProperty("jobId").GetString());
            Assert.Equal("succeeded", json.RootElement.GetProperty("state").GetString());
            Assert.Equal(["rejected fake 401 signature mismatch"], CliRunner.Lines(error.ToString()));
        }
        finally
        {
            await cancellation.CancelAsync();
            Assert.Equal(ExitCodes.Success, await run.WaitAsync(TimeSpan.FromSeconds(30)));
            File.Delete(config);
        }

        Assert.Equal(3, CliRunner.Lines(output.ToString()).Length);
    }

    [Fact]
    public async Task Listen_signs_over_the_configured_public_base_url()
    {
        var receiver = new FakeReceiver("eu");
        var config = await WriteConfigAsync("""{"FaxSdk":{"Webhooks":{"PublicBaseUrl":"https://abc.tunnel.example/app/"}}}""");
        var output = new LockedStringWriter();
        using var cancellation = new CancellationTokenSource();
        var console = new CliConsole(output, new LockedStringWriter())
        {
            Environment = new Dictionary<string, string?>(),
            ConfigureServices = services => services.AddSingleton(new FaxWebhookRegistration(FakeReceiver.ProviderId, "eu", _ => receiver)),
        };
        var run = Task.Run(() => FaxStatusCli.RunAsync(["listen", "--config", config], console, cancellation.Token));
        try
        {
            await Task.WhenAny(output.WhenLinesAsync(2), run).WaitAsync(TimeSpan.FromSeconds(30));
            var lines = CliRunner.Lines(output.ToString());
            Assert.Equal("endpoint fake eu /faxsdk/hooks/fake/eu", lines[1]);
            using var http = new HttpClient { BaseAddress = new Uri(lines[0]["listening ".Length..]) };
            var body = Encoding.UTF8.GetBytes("job=1&state=InProgress");
            using var push = Push(body, FakeReceiver.Sign(receiver.Secret, "https://abc.tunnel.example/app/faxsdk/hooks/fake/eu", body), "", "/faxsdk/hooks/fake/eu");

            Assert.Equal(HttpStatusCode.Accepted, (await http.SendAsync(push)).StatusCode);
            Assert.Equal("https://abc.tunnel.example/app/faxsdk/hooks/fake/eu", receiver.LastRequest!.Url.OriginalString);
        }
        finally
        {
            await cancellation.CancelAsync();
            Assert.Equal(ExitCodes.Success, await run.WaitAsync(TimeSpan.FromSeconds(30)));
            File.Delete(config);
        }
    }

    [Fact]
    public async Task Listen_accepts_a_phaxio_fax_completed_signed_with_the_documented_recipe_and_rejects_it_with_one_field_changed()
    {
        const string token = "listen-webhook-token-5d1e";
        var config = await WriteConfigAsync("""{"FaxSdk":{"Phaxio":{"ApiKey":"k-0001","ApiSecret":"s-0001","Webhooks":{"Enabled":true,"Token":"TOKEN"}}}}""".Replace("TOKEN", token, StringComparison.Ordinal));
        var output = new LockedStringWriter();
        var error = new LockedStringWriter();
        using var cancellation = new CancellationTokenSource();
        var run = Task.Run(() => FaxStatusCli.RunAsync(["listen", "--config", config], new CliConsole(output, error) { Environment = new Dictionary<string, string?>() }, cancellation.Token));
        try
        {
            await Task.WhenAny(output.WhenLinesAsync(2), run).WaitAsync(TimeSpan.FromSeconds(30));
            var lines = CliRunner.Lines(output.ToString());
            Assert.True(lines.Length == 2, $"stdout: {output}\nstderr: {error}");
            Assert.Equal("endpoint phaxio default /faxsdk/hooks/phaxio", lines[1]);
            var address = lines[0]["listening ".Length..];
            using var http = new HttpClient { BaseAddress = new Uri(address) };
            var fields = PhaxioPushes.FaxCompleted(777001);
            var signature = PhaxioPushes.Sign(token, address + "/faxsdk/hooks/phaxio", fields, []);

            using var signed = PhaxioPushes.Multipart("/faxsdk/hooks/phaxio", fields, [], signature);
            Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(signed)).StatusCode);
            using var changed = PhaxioPushes.Multipart("/faxsdk/hooks/phaxio", [fields[0], ("event_type", "transmitting_page")], [], signature);
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(changed)).StatusCode);

            await output.WhenLinesAsync(3).WaitAsync(TimeSpan.FromSeconds(30));
            using var json = JsonDocument.Parse(CliRunner.Lines(output.ToString())[2]);
            Assert.Equal(("phaxio", "777001", "succeeded"), (json.RootElement.GetProperty("provider").GetString(), json.RootElement.GetProperty("jobId").GetString(), json.RootElement.GetProperty("state").GetString()));
            Assert.Equal(["rejected phaxio 401 signature mismatch"], CliRunner.Lines(error.ToString()));
        }
        finally
        {
            await cancellation.CancelAsync();
            Assert.Equal(ExitCodes.Success, await run.WaitAsync(TimeSpan.FromSeconds(30)));
            File.Delete(config);
        }

        Assert.Equal(3, CliRunner.Lines(output.ToString()).Length);
    }

    [Fact]
    public async Task Listen_without_an_enabled_receiver_says_so_and_exits_3()
    {
        var config = await WriteConfigAsync("""{"FaxSdk":{"Webhooks":{"PublicBaseUrl":"https://fax.example.com"}}}""");
        try
        {
            var (exitCode, output, error) = await CliRunner.RunAsync("listen", "--config", config);

            Assert.Equal(ExitCodes.InputError, exitCode);
            Assert.Empty(output);
            Assert.StartsWith("faxstatus: no provider has webhooks enabled in", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(config);
        }
    }

    [Fact]
    public async Task Listen_with_invalid_webhook_settings_names_them_and_exits_3()
    {
        var config = await WriteConfigAsync("""{"FaxSdk":{"Webhooks":{"PublicBaseUrl":"ftp://fax.example.com","MaxFormFields":0}}}""");
        try
        {
            var error = new StringWriter();
            var console = new CliConsole(new StringWriter(), error)
            {
                Environment = new Dictionary<string, string?>(),
                ConfigureServices = services => services.AddSingleton(new FaxWebhookRegistration(FakeReceiver.ProviderId, FaxJobReference.DefaultInstance, _ => new FakeReceiver())),
            };

            var exitCode = await FaxStatusCli.RunAsync(["listen", "--config", config], console, CancellationToken.None);

            Assert.Equal(ExitCodes.InputError, exitCode);
            Assert.Equal(
                ["faxstatus: configuration: FaxSdk:Webhooks:PublicBaseUrl must be an absolute http or https URL (the base URL providers call).", "faxstatus: configuration: FaxSdk:Webhooks:MaxFormFields must be from 1 to 100000."],
                CliRunner.Lines(error.ToString()));
        }
        finally
        {
            File.Delete(config);
        }
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("65536")]
    public async Task Listen_refuses_a_port_out_of_range(string port)
    {
        var (exitCode, _, error) = await CliRunner.RunAsync("listen", "--port", port);

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains("--port must be an integer from 0 to 65535.", error, StringComparison.Ordinal);
    }

    private static HttpRequestMessage Push(byte[] body, string signature, string query, string path = "/faxsdk/hooks/fake")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path + query) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
        request.Headers.Add(FakeReceiver.SignatureHeader, signature);
        return request;
    }

    private static async Task<string> WriteConfigAsync(string json)
    {
        var path = Path.Combine(Path.GetTempPath(), $"faxsdk-listen-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, json);
        return path;
    }
}
