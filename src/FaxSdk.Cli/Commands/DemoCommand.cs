using System.CommandLine;
using FaxSdk.Cli.Demo;

namespace FaxSdk.Cli.Commands;

/// <summary><c>faxstatus demo</c>: the emulator, all five providers and the tracker at work, with no configuration.</summary>
internal static class DemoCommand
{
    public static Command Create(CliConsole console)
    {
        var faultRate = new Option<double>("--fault-rate")
        {
            Description = "The share of emulator requests (0 to 1) answered with an injected fault (429, 5xx, slow, dropped, truncated, malformed) to show the client riding them out. Default 0.",
            DefaultValueFactory = _ => 0,
        };
        var seed = new Option<int>("--seed") { Description = "The fault seed: the same seed injects the same faults. Default 1.", DefaultValueFactory = _ => 1 };
        var timeout = new Option<double>("--timeout", "-t") { Description = "Give up after this many seconds (exit 5). Default 80.", DefaultValueFactory = _ => 80 };
        var command = new Command("demo", """
            Start the provider emulator in-process with a job for every final state of every provider (Phaxio,
            StoneFax, Pantarey, Concord, Retarus), follow them all with the tracker until each is final, and print a
            summary (jobs per provider and final state, retries, failed polls, time taken). A live table on a terminal,
            one line per change when the output is redirected. Needs no configuration. Exit 0 when every job ended in the
            state the emulator scripted.
            Example: faxstatus demo --fault-rate 0.3
            """)
        {
            faultRate,
            seed,
            timeout,
        };
        command.Validators.Add(result =>
        {
            var rate = result.GetResult(faultRate) is null ? 0 : result.GetValue(faultRate);
            if (double.IsNaN(rate) || rate < 0 || rate > 1)
            {
                result.AddError("--fault-rate must be between 0 and 1.");
            }

            var seconds = result.GetResult(timeout) is null ? 80 : result.GetValue(timeout);
            if (double.IsNaN(seconds) || seconds <= 0 || seconds > 86_400)
            {
                result.AddError("--timeout must be a positive number of seconds (at most 86400).");
            }
        });
        command.SetAction((parseResult, cancellationToken) =>
        {
            var settings = new DemoSettings
            {
                FaultRate = parseResult.GetValue(faultRate),
                Seed = parseResult.GetValue(seed),
                Timeout = TimeSpan.FromSeconds(parseResult.GetValue(timeout)),
            };
            return new DemoRunner(console, settings).RunAsync(cancellationToken);
        });
        return command;
    }
}
