using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using FaxSdk.Phaxio;
using FaxSdk.StoneFax;

namespace FaxSdk.Benchmarks;

// What the generator emits, against the plainer code it could emit instead (docs/benchmarks.md, section 1): the
// generator keeps its own code only where these show it pays. Same inputs as the wire-parse benchmarks.

/// <summary>Codes as decimal text: the generated parser against <c>int.TryParse(…, InvariantCulture)</c> and <c>FromCode</c>.</summary>
[MemoryDiagnoser]
public class Q931CauseEmitChoice
{
    private string[] _inputs = [];
    private byte[][] _utf8 = [];

    [Params("match", "miss")]
    public string Input { get; set; } = "match";

    [GlobalSetup]
    public void Setup()
    {
        var wires = Q931CauseMap.Entries.Select(e => e.Wire).ToArray();
        _inputs = Input == "match" ? wires : [.. wires.Select(w => w + "x"), "", "completely-unknown-status", "teleported"];
        _utf8 = [.. _inputs.Select(Encoding.UTF8.GetBytes)];
    }

    [Benchmark(Baseline = true, Description = "Generated Parse (UTF-16)")]
    public int Generated()
    {
        var sum = 0;
        foreach (var input in _inputs)
        {
            sum += (int)Q931CauseMap.Parse(input);
        }

        return sum;
    }

    [Benchmark(Description = "int.TryParse + FromCode (UTF-16)")]
    public int IntTryParse()
    {
        var sum = 0;
        foreach (var input in _inputs)
        {
            sum += (int)(int.TryParse(input.AsSpan(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var code) ? Q931CauseMap.FromCode(code) : Q931Cause.Unknown);
        }

        return sum;
    }

    [Benchmark(Description = "Generated ParseUtf8")]
    public int GeneratedUtf8()
    {
        var sum = 0;
        foreach (var input in _utf8)
        {
            sum += (int)Q931CauseMap.ParseUtf8(input);
        }

        return sum;
    }

    [Benchmark(Description = "int.TryParse + FromCode (UTF-8)")]
    public int IntTryParseUtf8()
    {
        var sum = 0;
        foreach (var input in _utf8)
        {
            sum += (int)(int.TryParse(input.AsSpan(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var code) ? Q931CauseMap.FromCode(code) : Q931Cause.Unknown);
        }

        return sum;
    }
}

/// <summary>
/// Case-insensitive text: the generated word-at-a-time parser against a C# <c>switch</c> on the span, after folding the
/// ASCII letters into a stack buffer (a <c>switch</c> compares case-sensitively, so it needs the fold first).
/// </summary>
[MemoryDiagnoser]
public class PhaxioFaxStatusEmitChoice
{
    private const int MaxLength = 14; // "partialsuccess"
    private string[] _inputs = [];

    [Params("match", "miss")]
    public string Input { get; set; } = "match";

    [GlobalSetup]
    public void Setup()
    {
        var wires = PhaxioFaxStatusMap.Entries.Select(e => e.Wire).ToArray();
        _inputs = Input == "match"
            ? [.. wires.Select((w, i) => i % 2 == 0 ? w : w.ToUpperInvariant())]
            : [.. wires.Select(w => w + "x"), "", "completely-unknown-status", "teleported"];
    }

    [Benchmark(Baseline = true, Description = "Generated Parse (UTF-16)")]
    public int Generated()
    {
        var sum = 0;
        foreach (var input in _inputs)
        {
            sum += (int)PhaxioFaxStatusMap.Parse(input);
        }

        return sum;
    }

    [Benchmark(Description = "ASCII fold + switch (UTF-16)")]
    public int FoldAndSwitch()
    {
        var sum = 0;
        foreach (var input in _inputs)
        {
            sum += (int)ParseWithSwitch(input);
        }

        return sum;
    }

    private static PhaxioFaxStatus ParseWithSwitch(ReadOnlySpan<char> value)
    {
        if (value.Length > MaxLength)
        {
            return PhaxioFaxStatus.Unknown;
        }

        Span<char> folded = stackalloc char[MaxLength];
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            folded[i] = (uint)((c | 0x20) - 'a') <= 'z' - 'a' ? (char)(c | 0x20) : c;
        }

        return (ReadOnlySpan<char>)folded[..value.Length] switch
        {
            "queued" or "pendingbatch" => PhaxioFaxStatus.Queued,
            "inprogress" => PhaxioFaxStatus.InProgress,
            "success" => PhaxioFaxStatus.Success,
            "partialsuccess" => PhaxioFaxStatus.PartialSuccess,
            "failure" => PhaxioFaxStatus.Failure,
            _ => PhaxioFaxStatus.Unknown,
        };
    }
}
