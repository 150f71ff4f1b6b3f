using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/FaxSdk.Benchmarks -- --filter '*'            (full run, see docs/benchmarks.md)
// dotnet run -c Release --project benchmarks/FaxSdk.Benchmarks -- --filter '*Canonical*' --job short   (smoke)
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
