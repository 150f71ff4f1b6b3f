using System.Collections.Frozen;
using System.Text;
using BenchmarkDotNet.Attributes;
using FaxSdk.Mapping;

namespace FaxSdk.Benchmarks;

/// <summary>
/// Wire string → enum for one provider enum, on matches (every wire value, in mixed case) and misses: the generated
/// parsers against what users write by hand. One class per enum (below), so each ratio is measured in one run.
/// </summary>
[MemoryDiagnoser]
public abstract class WireParseBenchmark<TEnum, TCanonical>
    where TEnum : struct, Enum
    where TCanonical : struct, Enum
{
    private string[] _inputs = [];
    private byte[][] _utf8 = [];
    private Dictionary<string, TEnum> _dictionary = null!;
    private FrozenDictionary<string, TEnum> _frozen = null!;

    /// <summary>Known wire values, or values no enum knows.</summary>
    [Params("match", "miss")]
    public string Input { get; set; } = "match";

    protected abstract IReadOnlyList<WireMapEntry<TEnum, TCanonical>> Entries { get; }

    protected abstract TEnum ParseGenerated(ReadOnlySpan<char> value);

    protected abstract TEnum ParseGeneratedUtf8(ReadOnlySpan<byte> value);

    [GlobalSetup]
    public void Setup()
    {
        var wires = Entries.Select(e => e.Wire).ToArray();
        _inputs = Input == "match"
            ? [.. wires.Select((w, i) => i % 2 == 0 ? w : w.ToUpperInvariant())]
            : [.. wires.Select(w => w + "x"), "", "completely-unknown-status", "teleported"];
        _utf8 = [.. _inputs.Select(Encoding.UTF8.GetBytes)];
        _dictionary = new Dictionary<string, TEnum>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in Entries)
        {
            _dictionary.TryAdd(entry.Wire, entry.Value);
        }

        _frozen = _dictionary.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    private static int AsInt(TEnum value) => System.Runtime.CompilerServices.Unsafe.As<TEnum, int>(ref value);

    [Benchmark(Baseline = true, Description = "Enum.TryParse(ignoreCase)")]
    public int EnumTryParse()
    {
        var sum = 0;
        foreach (var input in _inputs)
        {
            sum += Enum.TryParse<TEnum>(input, ignoreCase: true, out var value) ? AsInt(value) : -1;
        }

        return sum;
    }

    [Benchmark(Description = "Dictionary(OrdinalIgnoreCase)")]
    public int Dictionary()
    {
        var sum = 0;
        foreach (var input in _inputs)
        {
            sum += _dictionary.TryGetValue(input, out var value) ? AsInt(value) : -1;
        }

        return sum;
    }

    [Benchmark(Description = "FrozenDictionary(OrdinalIgnoreCase)")]
    public int Frozen()
    {
        var sum = 0;
        foreach (var input in _inputs)
        {
            sum += _frozen.TryGetValue(input, out var value) ? AsInt(value) : -1;
        }

        return sum;
    }

    [Benchmark(Description = "Generated Parse (UTF-16)")]
    public int Generated()
    {
        var sum = 0;
        foreach (var input in _inputs)
        {
            sum += AsInt(ParseGenerated(input));
        }

        return sum;
    }

    [Benchmark(Description = "Generated ParseUtf8")]
    public int GeneratedUtf8()
    {
        var sum = 0;
        foreach (var input in _utf8)
        {
            sum += AsInt(ParseGeneratedUtf8(input));
        }

        return sum;
    }
}
