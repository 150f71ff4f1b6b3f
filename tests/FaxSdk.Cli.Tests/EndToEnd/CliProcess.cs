using System.Diagnostics;
using System.Text;

namespace FaxSdk.Cli.Tests.EndToEnd;

/// <summary>
/// <c>faxstatus</c> as a separate process: the CLI built next to this test assembly (the Release build when the tests
/// run in Release), run by the same <c>dotnet</c> host, its standard output collected line by line. Disposing kills it
/// if it is still running.
/// </summary>
internal sealed class CliProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly StringBuilder _error = new();
    private readonly Lock _lock = new();
    private readonly TaskCompletionSource _outputClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _lineAdded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private CliProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    /// <summary>A name for messages.</summary>
    public string Name { get; }

    /// <summary>Whether the process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>The lines written to standard output so far.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lock)
            {
                return [.. _lines];
            }
        }
    }

    /// <summary>What it wrote to standard error so far.</summary>
    public string Error
    {
        get
        {
            lock (_lock)
            {
                return _error.ToString();
            }
        }
    }

    /// <summary>Starts <c>dotnet faxstatus.dll ARGS</c>.</summary>
    public static CliProcess Start(string name, params string[] args)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "faxstatus.dll");
        Assert.True(File.Exists(cli), $"The CLI was not built next to the tests: {cli}");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(cli);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Only the configuration file counts: no FaxSdk__ variables of the test's environment leak in.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("FaxSdk__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var cliProcess = new CliProcess(name, process);
        process.OutputDataReceived += (_, e) => cliProcess.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (cliProcess._lock)
                {
                    cliProcess._error.AppendLine(e.Data);
                }
            }
        };
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return cliProcess;
    }

    /// <summary>Waits until the output satisfies <paramref name="condition"/>; fails if the process ends first or the time runs out.</summary>
    public async Task WaitForAsync(Func<IReadOnlyList<string>, bool> condition, TimeSpan timeout, string what)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            Task next;
            lock (_lock)
            {
                if (condition(_lines))
                {
                    return;
                }

                next = _lineAdded.Task;
            }

            var ended = _outputClosed.Task;
            try
            {
                await Task.WhenAny(next, ended).WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"{Name}: no {what} within {timeout.TotalSeconds} s; stdout has {Lines.Count} lines; stderr:\n{Error}");
            }

            if (ended.IsCompleted && !next.IsCompleted)
            {
                lock (_lock)
                {
                    if (condition(_lines))
                    {
                        return;
                    }
                }

                Assert.Fail($"{Name}: ended before {what}; stdout has {Lines.Count} lines; stderr:\n{Error}");
            }
        }
    }

    /// <summary>Kills the process with SIGKILL (no clean-up code of its own runs) and waits for it to be gone.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    /// <summary>Waits for the process to end on its own and returns its exit code; fails when the time runs out.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"{Name}: still running after {timeout.TotalSeconds} s; stdout has {Lines.Count} lines; stderr:\n{Error}");
        }

        // The redirected streams are read to their end before the exit is reported.
        await _outputClosed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already gone.
        }
        finally
        {
            _process.Dispose();
        }
    }

    private void OnLine(string? line)
    {
        lock (_lock)
        {
            if (line is null)
            {
                _outputClosed.TrySetResult();
            }
            else
            {
                _lines.Add(line);
            }

            var added = _lineAdded;
            _lineAdded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            added.TrySetResult();
        }
    }
}
