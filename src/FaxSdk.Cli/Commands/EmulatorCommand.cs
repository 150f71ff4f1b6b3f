using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using FaxSdk.Serialization;
using FaxSdk.Testing;

namespace FaxSdk.Cli.Commands;

/// <summary>
/// <c>faxstatus emulator</c>: runs the FaxSdk.Testing emulator of all five providers on 127.0.0.1 until cancelled,
/// seeded with <see cref="FaxEmulator.DefaultJobs"/> (or <c>--jobs N</c> generated jobs per provider), optionally with
/// faults and a configuration file pointing at it.
/// </summary>
internal static class EmulatorCommand
{
    public static Command Create(CliConsole console)
    {
        var port = new Option<int>("--port")
        {
            Description = "The port on 127.0.0.1 (0 picks a free one).",
            DefaultValueFactory = _ => 0,
            CustomParser = result => Parse(result, "--port", 0, 65535, "an integer from 0 to 65535", (string s, out int v) => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out v)),
        };
        var faultRate = new Option<double>("--fault-rate")
        {
            Description = "The share of requests that fail with an injected fault (429, 503, 520, 500, slow, dropped, truncated, malformed, HTML), from 0 to 1.",
            DefaultValueFactory = _ => 0,
            CustomParser = result => Parse(result, "--fault-rate", 0, 1, "a number from 0 to 1", (string s, out double v) => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out v)),
        };
        var seed = new Option<int>("--seed")
        {
            Description = "The seed of the fault choice and of the --jobs lifecycles: the same seed gives the same jobs, and with the same requests the same faults.",
            DefaultValueFactory = _ => 0,
        };
        var jobs = new Option<int?>("--jobs")
        {
            Description = $"Instead of the 19 default jobs, add N jobs per provider (1 to {MaxJobsPerProvider.ToString("N0", CultureInfo.InvariantCulture)}), each with one of the provider's lifecycles chosen from --seed.",
            CustomParser = result => Parse(result, "--jobs", 1, MaxJobsPerProvider, $"an integer from 1 to {MaxJobsPerProvider.ToString(CultureInfo.InvariantCulture)}", (string s, out int v) => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out v)),
        };
        var step = new Option<double?>("--step")
        {
            Description = "With --jobs: the seconds between two steps of a job's script (default 1; a job is final within 7 steps). 0.1 makes jobs final within a second.",
            CustomParser = result => Parse(result, "--step", 0.001, 3600, "a number of seconds from 0.001 to 3600", (string s, out double v) => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out v)),
        };
        var writeConfig = new Option<FileInfo?>("--write-config")
        {
            Description = "Write a JSON configuration file ({\"FaxSdk\": {...}}) pointing all five providers at the emulator, with credentials it accepts (and, with --push-to, the Webhooks settings that accept its pushes).",
        };
        var pushTo = new Option<Uri?>("--push-to")
        {
            Description = "Push each provider's webhooks to URL/{provider} (Phaxio, Retarus, Concord, Pantarey; StoneFax has none) as the jobs progress, Phaxio signed with the webhook token in the configuration.",
            CustomParser = result => ParsePushUrl(result),
        };
        var pushFaultRate = new Option<double>("--push-fault-rate")
        {
            Description = "The share of pushes that get an injected fault (duplicate, out of order, lost, bad signature), from 0 to 1; needs --push-to.",
            DefaultValueFactory = _ => 0,
            CustomParser = result => Parse(result, "--push-fault-rate", 0, 1, "a number from 0 to 1", (string s, out double v) => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out v)),
        };
        var command = new Command("emulator", """
            Run the provider emulator (Phaxio, StoneFax, Pantarey, Concord, Retarus) on 127.0.0.1 until Ctrl+C or SIGTERM.
            Prints 'listening http://127.0.0.1:PORT', then one 'job <provider> <jobId> <finalState>' line per seeded job.
            With --push-to, then one 'push <provider> <jobId> <event> <status code or error>[ <fault>]' line per push sent.
            Example: faxstatus emulator --port 5080 --fault-rate 0.1 --seed 42 --write-config faxsdk.json
            Example: faxstatus emulator --push-to http://127.0.0.1:5000/faxsdk/hooks --write-config faxsdk.json
            Many jobs: faxstatus emulator --jobs 300 --step 0.1 --seed 7 --write-config faxsdk.json
            """)
        {
            port,
            faultRate,
            seed,
            jobs,
            step,
            writeConfig,
            pushTo,
            pushFaultRate,
        };
        command.Validators.Add(result =>
        {
            if (result.GetResult(pushFaultRate) is { Implicit: false } && result.GetValue(pushTo) is null)
            {
                result.AddError("--push-fault-rate needs --push-to.");
            }

            if (result.GetResult(step) is not null && result.GetResult(jobs) is null)
            {
                result.AddError("--step applies to the jobs of --jobs; add --jobs N.");
            }
        });
        command.SetAction((parseResult, cancellationToken) =>
        {
            var seedValue = parseResult.GetValue(seed);
            var seeding = parseResult.GetValue(jobs) is { } count
                ? new Seeding(count, seedValue, parseResult.GetValue(step) is { } seconds ? TimeSpan.FromSeconds(seconds) : null)
                : null;
            return RunAsync(
                console,
                parseResult.GetValue(port),
                new EmulatorFaults { Rate = parseResult.GetValue(faultRate), Seed = seedValue, PushRate = parseResult.GetValue(pushFaultRate) },
                seeding,
                parseResult.GetValue(writeConfig),
                parseResult.GetValue(pushTo),
                cancellationToken);
        });
        return command;
    }

    /// <summary>The most jobs per provider <c>--jobs</c> accepts.</summary>
    private const int MaxJobsPerProvider = 100_000;

    /// <summary>What <c>--jobs</c>, <c>--seed</c> and <c>--step</c> ask for.</summary>
    private sealed record Seeding(int JobsPerProvider, int Seed, TimeSpan? Step);

    private static async Task<int> RunAsync(CliConsole console, int port, EmulatorFaults faults, Seeding? seeding, FileInfo? configFile, Uri? pushTo, CancellationToken cancellationToken)
    {
        FaxEmulator emulator;
        var push = pushTo is null ? null : new EmulatorPushOptions { BaseAddress = pushTo };
        try
        {
            emulator = await FaxEmulator.StartAsync(new FaxEmulatorOptions { Port = port, Faults = faults, Push = push }, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Success;
        }
        catch (IOException exception)
        {
            await console.Error.WriteLineAsync($"faxstatus: cannot listen on 127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}: {OneLine(exception.Message)}").ConfigureAwait(false);
            return ExitCodes.InputError;
        }

        await using (emulator.ConfigureAwait(false))
        {
            // Pushes start as soon as the jobs are added; their lines wait until the job lines are printed.
            var pushes = Channel.CreateUnbounded<EmulatedPush>(new UnboundedChannelOptions { SingleReader = true });
            emulator.PushSent += (_, sent) => pushes.Writer.TryWrite(sent);
            var jobs = seeding is null ? emulator.SeedDefaultJobs() : emulator.SeedGeneratedJobs(seeding.JobsPerProvider, seeding.Seed, seeding.Step);
            if (configFile is not null)
            {
                try
                {
                    await using var stream = new FileStream(configFile.FullName, FileMode.Create, FileAccess.Write, FileShare.Read, 4096, useAsync: true);
                    await emulator.WriteConfigurationAsync(stream, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    await console.Error.WriteLineAsync($"faxstatus: cannot write '{configFile}': {OneLine(exception.Message)}").ConfigureAwait(false);
                    return ExitCodes.InputError;
                }
            }

            var output = console.Out;
            await output.WriteLineAsync($"listening {emulator.BaseAddress.GetLeftPart(UriPartial.Authority)}").ConfigureAwait(false);
            // Thousands of jobs: written in blocks, not one write (and flush) per line.
            var states = Enum.GetValues<FaxJobState>().ToDictionary(s => s, Canonical);
            var block = new StringBuilder();
            foreach (var job in jobs)
            {
                block.Append("job ").Append(job.Provider).Append(' ').Append(job.JobId).Append(' ').Append(states[job.ExpectedFinalState]).Append(output.NewLine);
                if (block.Length >= 64 * 1024)
                {
                    await output.WriteAsync(block.ToString()).ConfigureAwait(false);
                    block.Clear();
                }
            }

            await output.WriteAsync(block.ToString()).ConfigureAwait(false);

            await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            try
            {
                await foreach (var sent in pushes.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
                {
                    await output.WriteLineAsync(PushLine(sent)).ConfigureAwait(false);
                    await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C or SIGTERM: stop the server and exit normally.
            }
        }

        return ExitCodes.Success;
    }

    /// <summary>One line per push: <c>push phaxio 1001 fax_completed 200</c>, with the fault last when one was injected.</summary>
    private static string PushLine(EmulatedPush push)
    {
        var outcome = !push.Sent ? "not-sent" : push.Error is null ? push.StatusCode.ToString(CultureInfo.InvariantCulture) : "error";
        var fault = push.Fault is { } kind ? " " + JsonNamingPolicy.KebabCaseLower.ConvertName(kind.ToString()) : "";
        return $"push {push.Provider} {push.JobId} {push.Event} {outcome}{fault}";
    }

    private static Uri? ParsePushUrl(System.CommandLine.Parsing.ArgumentResult result)
    {
        if (result.Tokens.Count == 0)
        {
            return null;
        }

        var text = result.Tokens[^1].Value;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps) || url.Query.Length > 0)
        {
            result.AddError($"--push-to must be an absolute http or https URL without a query (got '{text}').");
            return null;
        }

        return url;
    }

    private delegate bool TryParse<T>(string text, out T value);

    /// <summary>Parses a number within bounds, or adds one clear error naming the option and the value.</summary>
    private static T Parse<T>(System.CommandLine.Parsing.ArgumentResult result, string name, T min, T max, string expected, TryParse<T> tryParse)
        where T : struct, IComparable<T>
    {
        if (result.Tokens.Count == 0)
        {
            return default;
        }

        var text = result.Tokens[^1].Value;
        if (!tryParse(text, out var value) || value.CompareTo(min) < 0 || value.CompareTo(max) > 0 || (value is double d && double.IsNaN(d)))
        {
            result.AddError($"{name} must be {expected} (got '{text}').");
            return default;
        }

        return value;
    }

    /// <summary>The state as the canonical JSON spells it, for example <c>partiallySucceeded</c>.</summary>
    private static string Canonical(FaxJobState state) => JsonSerializer.Serialize(state, FaxSdkJsonContext.Canonical.FaxJobState).Trim('"');

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
