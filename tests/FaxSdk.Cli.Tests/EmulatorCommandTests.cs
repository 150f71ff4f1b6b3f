using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FaxSdk.Concord;
using FaxSdk.Pantarey;
using FaxSdk.Phaxio;
using FaxSdk.Retarus;
using FaxSdk.StoneFax;
using FaxSdk.Testing;
using Microsoft.Extensions.Configuration;

namespace FaxSdk.Cli.Tests;

public class EmulatorCommandTests
{
    private static readonly Dictionary<FaxJobState, string> CamelCase = new()
    {
        [FaxJobState.Succeeded] = "succeeded",
        [FaxJobState.PartiallySucceeded] = "partiallySucceeded",
        [FaxJobState.Failed] = "failed",
        [FaxJobState.Canceled] = "canceled",
    };

    [Fact]
    public async Task Emulator_prints_its_address_and_jobs_writes_a_working_configuration_and_exits_zero_when_cancelled()
    {
        var config = Path.Combine(Path.GetTempPath(), $"faxsdk-emulator-{Guid.NewGuid():N}.json");
        var output = new LockedStringWriter();
        var error = new LockedStringWriter();
        using var cancellation = new CancellationTokenSource();
        var expected = FaxEmulator.DefaultJobs();
        var run = Task.Run(() => FaxStatusCli.RunAsync(["emulator", "--port", "0", "--write-config", config, "--seed", "1", "--fault-rate", "0"], output, error, cancellation.Token));
        try
        {
            // The address line, then one line per job; or the command ended early (the assertions below then say why).
            await Task.WhenAny(output.WhenLinesAsync(expected.Count + 1), run).WaitAsync(TimeSpan.FromSeconds(30));

            var lines = Lines(output);
            Assert.True(lines.Length == expected.Count + 1, $"stdout: {output}\nstderr: {error}");
            Assert.Matches(@"^listening http://127\.0\.0\.1:[1-9][0-9]*$", lines[0]);
            var address = new Uri(lines[0]["listening ".Length..] + "/");
            Assert.Equal(expected.Select(j => $"job {j.Provider} {j.JobId} {CamelCase[j.ExpectedFinalState]}"), lines[1..]);

            // The file: the FaxSdk section, each provider pointing at the listening address.
            using (var document = JsonDocument.Parse(await File.ReadAllBytesAsync(config)))
            {
                var section = Assert.Single(document.RootElement.EnumerateObject());
                Assert.Equal("FaxSdk", section.Name);
                Assert.Equal(["Phaxio", "StoneFax", "Pantarey", "Concord", "Retarus"], section.Value.EnumerateObject().Select(p => p.Name));
                foreach (var provider in section.Value.EnumerateObject())
                {
                    var urls = provider.Name == "Retarus"
                        ? provider.Value.GetProperty("DataCenters").EnumerateObject().Select(d => d.Value.GetString()!).ToList()
                        : [provider.Value.GetProperty("BaseAddress").GetString()!];
                    Assert.NotEmpty(urls);
                    Assert.All(urls, url => Assert.StartsWith(address.AbsoluteUri + provider.Name.ToLowerInvariant() + "/", url, StringComparison.Ordinal));
                }
            }

            // The credentials in it are accepted: the real clients, bound from the file, read a job of every provider.
            var configuration = new ConfigurationBuilder().AddJsonFile(config).Build();
            T Bind<T>(string name)
                where T : new()
            {
                var options = new T();
                configuration.GetSection($"FaxSdk:{name}").Bind(options, o => o.ErrorOnUnknownConfiguration = true);
                return options;
            }

            using var http = new HttpClient();
            var clients = new Dictionary<string, IFaxStatusProvider>
            {
                ["phaxio"] = new PhaxioStatusProvider(http, Bind<PhaxioOptions>("Phaxio")),
                ["stonefax"] = new StoneFaxStatusProvider(http, Bind<StoneFaxOptions>("StoneFax")),
                ["pantarey"] = new PantareyStatusProvider(http, Bind<PantareyOptions>("Pantarey")),
                ["concord"] = new ConcordStatusProvider(http, Bind<ConcordOptions>("Concord")),
                ["retarus"] = new RetarusStatusProvider(http, Bind<RetarusOptions>("Retarus")),
            };
            foreach (var job in expected.DistinctBy(j => j.Provider))
            {
                var status = await clients[job.Provider].GetStatusAsync(new FaxJobReference(job.Provider, job.JobId, isTest: job.IsTest));
                Assert.Equal(job.JobId, status.JobId);
            }

            // And they matter: the same request with a wrong secret is refused.
            using var wrong = new HttpRequestMessage(HttpMethod.Get, new Uri(configuration["FaxSdk:Phaxio:BaseAddress"]! + "faxes/1001"));
            wrong.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{configuration["FaxSdk:Phaxio:ApiKey"]}:wrong")));
            using var refused = await http.SendAsync(wrong);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

            cancellation.Cancel();
            Assert.Equal(ExitCodes.Success, await run.WaitAsync(TimeSpan.FromSeconds(30)));
            Assert.Empty(error.ToString());
            await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(address));
        }
        finally
        {
            await cancellation.CancelAsync();
            File.Delete(config);
        }
    }

    [Fact]
    public async Task Emulator_pushes_to_the_given_url_with_the_credentials_it_writes_in_the_configuration_and_prints_each_push()
    {
        var config = Path.Combine(Path.GetTempPath(), $"faxsdk-emulator-{Guid.NewGuid():N}.json");
        var phaxioCompleted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var capture = await PushCapture.StartAsync(push =>
        {
            if (push.Path == "/hooks/phaxio" && push.Text.Contains("fax_completed", StringComparison.Ordinal) && push.Text.Contains("\"id\":1001,", StringComparison.Ordinal))
            {
                phaxioCompleted.TrySetResult();
            }

            return 200;
        });
        var output = new LockedStringWriter();
        var error = new LockedStringWriter();
        using var cancellation = new CancellationTokenSource();
        var jobs = FaxEmulator.DefaultJobs();
        var run = Task.Run(() => FaxStatusCli.RunAsync(["emulator", "--push-to", capture.Address + "/hooks", "--write-config", config], output, error, cancellation.Token));
        try
        {
            // Job 1001 completes 4 s after start (real time: the CLI runs on the system clock).
            await Task.WhenAny(phaxioCompleted.Task, run).WaitAsync(TimeSpan.FromSeconds(60));
            Assert.True(phaxioCompleted.Task.IsCompleted, $"stdout: {output}\nstderr: {error}");
            var captured = capture.Pushes;
            await Task.WhenAny(output.WhenLinesAsync(1 + jobs.Count + captured.Count), run).WaitAsync(TimeSpan.FromSeconds(30));

            // The configuration written carries the settings that accept these pushes.
            var configuration = new ConfigurationBuilder().AddJsonFile(config).Build();
            Assert.Equal(capture.Address, configuration["FaxSdk:Webhooks:PublicBaseUrl"]);
            Assert.Equal("true", configuration["FaxSdk:Phaxio:Webhooks:Enabled"]);
            Assert.Null(configuration["FaxSdk:StoneFax:Webhooks:Enabled"]);
            var completed = captured.Single(p => p.Path == "/hooks/phaxio" && p.Text.Contains("fax_completed", StringComparison.Ordinal) && p.Text.Contains("\"id\":1001,", StringComparison.Ordinal));
            var signed = configuration["FaxSdk:Webhooks:PublicBaseUrl"] + completed.Path;
            Assert.Equal(PhaxioPushes.Sign(configuration["FaxSdk:Phaxio:Webhooks:Token"]!, signed, await completed.MultipartFieldsAsync(), []), completed.Header("X-Phaxio-Signature"));
            Assert.All(captured.Where(p => p.Path == "/hooks/pantarey"), p => Assert.Equal("Bearer " + configuration["FaxSdk:Pantarey:Webhooks:Secret"], p.Header("Authorization")));
            Assert.DoesNotContain(captured, p => p.Path == "/hooks/stonefax");

            // stdout: the address, the jobs, then one line per push sent.
            var lines = Lines(output);
            Assert.Matches(@"^listening http://127\.0\.0\.1:[1-9][0-9]*$", lines[0]);
            Assert.Equal(jobs.Count, lines.Count(l => l.StartsWith("job ", StringComparison.Ordinal)));
            Assert.Contains("push phaxio 1001 fax_completed 200", lines);
            Assert.All(lines.Skip(1 + jobs.Count), l => Assert.Matches(@"^push (phaxio|retarus|concord|pantarey) \S+ \S+ 200$", l));

            cancellation.Cancel();
            Assert.Equal(ExitCodes.Success, await run.WaitAsync(TimeSpan.FromSeconds(30)));
            Assert.Empty(error.ToString());
        }
        finally
        {
            await cancellation.CancelAsync();
            File.Delete(config);
        }
    }

    [Fact]
    public async Task Jobs_seeds_that_many_jobs_per_provider_with_lifecycles_chosen_by_the_seed_each_served_to_its_announced_end()
    {
        var output = new LockedStringWriter();
        var error = new LockedStringWriter();
        using var cancellation = new CancellationTokenSource();
        var expected = FaxEmulator.GenerateJobs(300, seed: 42, TimeSpan.FromSeconds(0.05));
        var run = Task.Run(() => FaxStatusCli.RunAsync(["emulator", "--jobs", "300", "--seed", "42", "--step", "0.05"], output, error, cancellation.Token));
        try
        {
            await Task.WhenAny(output.WhenLinesAsync(expected.Count + 1), run).WaitAsync(TimeSpan.FromSeconds(30));

            var lines = Lines(output);
            Assert.True(lines.Length == expected.Count + 1, $"stdout: {lines.Length} lines\nstderr: {error}");
            Assert.Equal(1_500, expected.Count);
            Assert.Equal(expected.Select(j => $"job {j.Provider} {j.JobId} {CamelCase[j.ExpectedFinalState]}"), lines[1..]);
            Assert.All(FaxEmulator.Providers, p => Assert.Contains(lines, l => l.StartsWith($"job {p} ", StringComparison.Ordinal)));

            // The jobs are served: a Phaxio job, read after its short script has run, is in the announced state.
            var address = new Uri(lines[0]["listening ".Length..] + "/");
            var phaxio = expected.First(j => j.Provider == "phaxio");
            await Task.Delay(phaxio.Duration + TimeSpan.FromMilliseconds(200));
            using var http = new HttpClient();
            var credentials = new EmulatorCredentials();
            var client = new PhaxioStatusProvider(http, new PhaxioOptions { BaseAddress = new Uri(address, "phaxio/v2.1/"), ApiKey = credentials.PhaxioApiKey, ApiSecret = credentials.PhaxioApiSecret });
            Assert.Equal(phaxio.ExpectedFinalState, (await client.GetStatusAsync(new FaxJobReference("phaxio", phaxio.JobId))).State);

            cancellation.Cancel();
            Assert.Equal(ExitCodes.Success, await run.WaitAsync(TimeSpan.FromSeconds(30)));
            Assert.Empty(error.ToString());
        }
        finally
        {
            await cancellation.CancelAsync();
        }
    }

    [Theory]
    [InlineData("--fault-rate", "2", "--fault-rate must be a number from 0 to 1 (got '2').")]
    [InlineData("--push-to", "ftp://127.0.0.1/hooks", "--push-to must be an absolute http or https URL without a query (got 'ftp://127.0.0.1/hooks').")]
    [InlineData("--push-to", "hooks", "--push-to must be an absolute http or https URL without a query (got 'hooks').")]
    [InlineData("--push-fault-rate", "0.5", "--push-fault-rate needs --push-to.")]
    [InlineData("--fault-rate", "-0.5", "--fault-rate must be a number from 0 to 1 (got '-0.5').")]
    [InlineData("--port", "65536", "--port must be an integer from 0 to 65535 (got '65536').")]
    [InlineData("--port", "http", "--port must be an integer from 0 to 65535 (got 'http').")]
    [InlineData("--jobs", "0", "--jobs must be an integer from 1 to 100000 (got '0').")]
    [InlineData("--jobs", "100001", "--jobs must be an integer from 1 to 100000 (got '100001').")]
    [InlineData("--jobs", "many", "--jobs must be an integer from 1 to 100000 (got 'many').")]
    [InlineData("--step", "1", "--step applies to the jobs of --jobs; add --jobs N.")]
    [InlineData("--jobs 5 --step", "0", "--step must be a number of seconds from 0.001 to 3600 (got '0').")]
    [InlineData("--jobs 5 --step", "NaN", "--step must be a number of seconds from 0.001 to 3600 (got 'NaN').")]
    public async Task Out_of_range_options_are_usage_errors_with_one_clear_line(string option, string value, string message)
    {
        var (exitCode, output, error) = await CliRunner.RunAsync(["emulator", .. option.Split(' '), value]);

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Empty(output);
        Assert.Equal($"faxstatus: {message}", error.ReplaceLineEndings("\n").Split('\n')[0]);
    }

    [Fact]
    public async Task Help_shows_an_example()
    {
        var (exitCode, output, _) = await CliRunner.RunAsync("emulator", "--help");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("Example: faxstatus emulator --port 5080 --fault-rate 0.1 --seed 42 --write-config faxsdk.json", output, StringComparison.Ordinal);
        Assert.Contains("--write-config", output, StringComparison.Ordinal);
    }

    private static string[] Lines(LockedStringWriter writer) =>
        writer.ToString().ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
