using BenchmarkDotNet.Running;

// Full run (see docs/benchmarks.md):  dotnet run -c Release --project benchmarks/FaxSdk.Benchmarks -- --filter '*' --job short
// CI smoke:                           dotnet run -c Release --project benchmarks/FaxSdk.Benchmarks -- --filter '*CanonicalMapping*' --job short --inProcess
// Tracker GC share (issue 16):       dotnet run -c Release --project benchmarks/FaxSdk.Benchmarks -- --tracker-gc [jobs]
if (args is ["--tracker-gc", .. var rest])
{
    return await FaxSdk.Benchmarks.TrackerGcRun.RunAsync(rest).ConfigureAwait(false);
}

var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

// Fail the process when a benchmark could not run, so CI notices.
var failed = summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success));
return failed ? 1 : 0;
