using BenchmarkDotNet.Attributes;
using FaxSdk.Concord;
using FaxSdk.Pantarey;
using FaxSdk.Phaxio;
using FaxSdk.Retarus;
using FaxSdk.StoneFax;

namespace FaxSdk.Benchmarks;

/// <summary>Phaxio response → status: the SDK parser against the raw-reader floor (baseline), JsonDocument + hand mapping,
/// STJ reflection DTO + hand mapping, and the size of the returned objects (a deep copy).</summary>
[MemoryDiagnoser]
public class PhaxioResponseParsing
{
    private byte[] _payload = [];
    private ReturnedObjects _returned = null!;

    [Params("seed partialsuccess", "10 recipients")]
    public string Case { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _payload = Case == "10 recipients" ? Payloads.PhaxioRecipients(10) : Payloads.Fixture("phaxio", "partialsuccess.json");
        _returned = ReturnedObjects.Of(Sdk);
    }

    [Benchmark(Baseline = true, Description = "Floor: Utf8JsonReader walk")]
    public int Floor() => JsonFloor.Walk(_payload);

    [Benchmark(Description = "FaxSdk parser")]
    public FaxJobStatus Sdk() => PhaxioStatusParser.ParseResponse(_payload);

    [Benchmark(Description = "JsonDocument + hand mapping")]
    public FaxJobStatus HandWritten() => HandWrittenParsers.Phaxio(_payload);

    [Benchmark(Description = "STJ reflection DTO + hand mapping")]
    public FaxJobStatus ReflectionDto() => ReflectionDtoParsers.Phaxio(_payload);

    [Benchmark(Description = "Returned objects (deep copy)")]
    public object ReturnedObjectsCopy() => _returned.Copy();
}

/// <summary>StoneFax seed example → status.</summary>
[MemoryDiagnoser]
public class StoneFaxResponseParsing
{
    private readonly byte[] _payload = Payloads.Fixture("stonefax", "seed-outbound-unwrapped.json");
    private ReturnedObjects _returned = null!;

    [GlobalSetup]
    public void Setup() => _returned = ReturnedObjects.Of(Sdk);

    [Benchmark(Baseline = true, Description = "Floor: Utf8JsonReader walk")]
    public int Floor() => JsonFloor.Walk(_payload);

    [Benchmark(Description = "FaxSdk parser")]
    public FaxJobStatus Sdk() => StoneFaxStatusParser.Parse(_payload);

    [Benchmark(Description = "JsonDocument + hand mapping")]
    public FaxJobStatus HandWritten() => HandWrittenParsers.StoneFax(_payload);

    [Benchmark(Description = "STJ reflection DTO + hand mapping")]
    public FaxJobStatus ReflectionDto() => ReflectionDtoParsers.StoneFax(_payload);

    [Benchmark(Description = "Returned objects (deep copy)")]
    public object ReturnedObjectsCopy() => _returned.Copy();
}

/// <summary>Pantarey seed example → status.</summary>
[MemoryDiagnoser]
public class PantareyResponseParsing
{
    private readonly byte[] _payload = Payloads.Fixture("pantarey", "seed-finished.json");
    private ReturnedObjects _returned = null!;

    [GlobalSetup]
    public void Setup() => _returned = ReturnedObjects.Of(Sdk);

    [Benchmark(Baseline = true, Description = "Floor: Utf8JsonReader walk")]
    public int Floor() => JsonFloor.Walk(_payload);

    [Benchmark(Description = "FaxSdk parser")]
    public FaxJobStatus Sdk() => PantareyStatusParser.Parse(_payload);

    [Benchmark(Description = "JsonDocument + hand mapping")]
    public FaxJobStatus HandWritten() => HandWrittenParsers.Pantarey(_payload);

    [Benchmark(Description = "STJ reflection DTO + hand mapping")]
    public FaxJobStatus ReflectionDto() => ReflectionDtoParsers.Pantarey(_payload);

    [Benchmark(Description = "Returned objects (deep copy)")]
    public object ReturnedObjectsCopy() => _returned.Copy();
}

/// <summary>Concord GetFaxStatus answer → statuses: the reference example and a batch of 1,000 ids.</summary>
[MemoryDiagnoser]
public class ConcordResponseParsing
{
    private byte[] _payload = [];
    private ReturnedObjects _returned = null!;

    [Params("reference example", "1000 ids")]
    public string Case { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _payload = Case == "1000 ids" ? Payloads.ConcordBatch(1000) : Payloads.Fixture("concord", "json-mixed.json");
        _returned = ReturnedObjects.Of(Sdk);
    }

    [Benchmark(Baseline = true, Description = "Floor: Utf8JsonReader walk")]
    public int Floor() => JsonFloor.Walk(_payload);

    [Benchmark(Description = "FaxSdk parser")]
    public IReadOnlyList<FaxJobStatus> Sdk() => ConcordStatusParser.Parse(_payload);

    [Benchmark(Description = "JsonDocument + hand mapping")]
    public List<FaxJobStatus> HandWritten() => HandWrittenParsers.Concord(_payload);

    [Benchmark(Description = "STJ reflection DTO + hand mapping")]
    public FaxJobStatus[] ReflectionDto() => ReflectionDtoParsers.Concord(_payload);

    [Benchmark(Description = "Returned objects (deep copy)")]
    public object ReturnedObjectsCopy() => _returned.Copy();
}

/// <summary>Retarus report list → statuses: the seed example and a page of 1,000 reports.</summary>
[MemoryDiagnoser]
public class RetarusResponseParsing
{
    private byte[] _payload = [];
    private ReturnedObjects _returned = null!;

    [Params("seed", "1000 reports")]
    public string Case { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _payload = Case == "1000 reports" ? Payloads.RetarusPage(1000) : Payloads.Fixture("retarus", "seed-reports.json");
        _returned = ReturnedObjects.Of(Sdk);
    }

    [Benchmark(Baseline = true, Description = "Floor: Utf8JsonReader walk")]
    public int Floor() => JsonFloor.Walk(_payload);

    [Benchmark(Description = "FaxSdk parser")]
    public IReadOnlyList<FaxJobStatus> Sdk() => RetarusStatusParser.Parse(_payload);

    [Benchmark(Description = "JsonDocument + hand mapping")]
    public List<FaxJobStatus> HandWritten() => HandWrittenParsers.Retarus(_payload);

    [Benchmark(Description = "STJ reflection DTO + hand mapping")]
    public FaxJobStatus[] ReflectionDto() => ReflectionDtoParsers.Retarus(_payload);

    [Benchmark(Description = "Returned objects (deep copy)")]
    public object ReturnedObjectsCopy() => _returned.Copy();
}
