using BenchmarkDotNet.Attributes;
using FaxSdk.Phaxio;

namespace FaxSdk.Benchmarks;

/// <summary>Enum → canonical and enum → wire: the generated switch against a hand-written one (the floor).</summary>
[MemoryDiagnoser]
public class CanonicalMappingBenchmarks
{
    private PhaxioRecipientStatus[] _values = [];

    [GlobalSetup]
    public void Setup() => _values = [.. Enumerable.Range(0, 1024).Select(i => (PhaxioRecipientStatus)(i % 8))];

    [Benchmark(Baseline = true, Description = "Hand-written switch → canonical")]
    public int HandWrittenCanonical()
    {
        var sum = 0;
        foreach (var value in _values)
        {
            sum += (int)(value switch
            {
                PhaxioRecipientStatus.Queued => FaxRecipientState.Pending,
                PhaxioRecipientStatus.InProgress => FaxRecipientState.Dialing,
                PhaxioRecipientStatus.Ringing => FaxRecipientState.Dialing,
                PhaxioRecipientStatus.CallActive => FaxRecipientState.Transmitting,
                PhaxioRecipientStatus.WillRetry => FaxRecipientState.RetryScheduled,
                PhaxioRecipientStatus.Success => FaxRecipientState.Succeeded,
                PhaxioRecipientStatus.Failure => FaxRecipientState.Failed,
                _ => FaxRecipientState.Unknown,
            });
        }

        return sum;
    }

    [Benchmark(Description = "Generated ToCanonical")]
    public int GeneratedCanonical()
    {
        var sum = 0;
        foreach (var value in _values)
        {
            sum += (int)value.ToCanonical();
        }

        return sum;
    }

    [Benchmark(Description = "Hand-written switch → wire")]
    public int HandWrittenWire()
    {
        var sum = 0;
        foreach (var value in _values)
        {
            sum += (value switch
            {
                PhaxioRecipientStatus.Queued => "queued",
                PhaxioRecipientStatus.InProgress => "inprogress",
                PhaxioRecipientStatus.Ringing => "ringing",
                PhaxioRecipientStatus.CallActive => "callactive",
                PhaxioRecipientStatus.WillRetry => "willretry",
                PhaxioRecipientStatus.Success => "success",
                PhaxioRecipientStatus.Failure => "failure",
                _ => "",
            }).Length;
        }

        return sum;
    }

    [Benchmark(Description = "Generated ToWire")]
    public int GeneratedWire()
    {
        var sum = 0;
        foreach (var value in _values)
        {
            sum += value.ToWire().Length;
        }

        return sum;
    }
}
