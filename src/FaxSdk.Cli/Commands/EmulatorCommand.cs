using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using FaxSdk.Serialization;
using FaxSdk.Testing;

namespace FaxSdk.Cli.Commands;

/// <summary>
/// <c>faxstatus emulator</c>: runs the FaxSdk.Testing emulator of all five providers on 127.0.0.1 until cancelled,
/// seeded with <see cref="FaxEmulator.DefaultJobs"/>, optionally with faults and a configuration file pointing at it.
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
            Description = "The seed of the fault choice: the same seed and requests give the same faults.",
            DefaultValueFactory = _ => 0,
        };
        var writeConfig = new Option<FileInfo?>("--write-config")
        {
            Description = "Write a JSON configuration file ({\"FaxSdk\": {...}}) pointing all five providers at the emulator, with credentials it accepts.",
        };
        var command = new Command("emulator", """
            Run the provider emulator (Phaxio, StoneFax, Pantarey, Concord, Retarus) on 127.0.0.1 until Ctrl+C or SIGTERM.
            Prints 'listening http://127.0.0.1:PORT', then one 'job <provider> <jobId> <finalState>' line per seeded job.
            Example: faxstatus emulator --port 5080 --fault-rate 0.1 --seed 42 --write-config faxsdk.json
            """)
        {
            port,
            faultRate,
            seed,
            writeConfig,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            console,
            parseResult.GetValue(port),
            new EmulatorFaults { Rate = parseResult.GetValue(faultRate), Seed = parseResult.GetValue(seed) },
            parseResult.GetValue(writeConfig),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, int port, EmulatorFaults faults, FileInfo? configFile, CancellationToken cancellationToken)
    {
        FaxEmulator emulator;
        try
        {
            emulator = await FaxEmulator.StartAsync(new FaxEmulatorOptions { Port = port, Faults = faults }, cancellationToken).ConfigureAwait(false);
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
            var jobs = emulator.SeedDefaultJobs();
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
            foreach (var job in jobs)
            {
                await output.WriteLineAsync($"job {job.Provider} {job.JobId} {Canonical(job.ExpectedFinalState)}").ConfigureAwait(false);
            }

            await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C or SIGTERM: stop the server and exit normally.
            }
        }

        return ExitCodes.Success;
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
