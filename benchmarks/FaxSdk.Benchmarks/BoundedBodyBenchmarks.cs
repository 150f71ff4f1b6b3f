using System.Text;
using BenchmarkDotNet.Attributes;
using FaxSdk.Phaxio;
using FaxSdk.Retarus;

namespace FaxSdk.Benchmarks;

/// <summary>
/// Hostile and maximal JSON bodies: what the parsers cost at and over <c>FaxPayloadLimits</c>. Over the bound the
/// body is refused in one reader pass before anything is built, so time is linear in the body and allocation is
/// only the exception; at the bound, allocation is bounded by the 10,000 recipients accepted. Baseline: the raw
/// reader walk over the same bytes.
/// </summary>
[MemoryDiagnoser]
public class BoundedBodyParsing
{
    private byte[] _payload = [];

    [Params("Phaxio 10,000 recipients (the bound)", "Phaxio 4 MiB of {} recipients (refused)", "Retarus 1,000 reports x 100 recipients (refused)")]
    public string Case { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _payload = Case switch
        {
            "Phaxio 10,000 recipients (the bound)" => Encoding.UTF8.GetBytes(
                "{\"success\":true,\"data\":{\"id\":1,\"status\":\"inprogress\",\"recipients\":[" +
                string.Join(',', Enumerable.Repeat("{\"phone_number\":\"+15550000001\",\"status\":\"queued\"}", 10_000)) + "]}}"),
            "Phaxio 4 MiB of {} recipients (refused)" => Encoding.UTF8.GetBytes(
                "{\"success\":true,\"data\":{\"id\":1,\"status\":\"queued\",\"recipients\":[" + string.Join(',', Enumerable.Repeat("{}", 4 * 1024 * 1024 / 3)) + "]}}"),
            _ => Encoding.UTF8.GetBytes("{\"reports\":[" + string.Join(',', Enumerable.Repeat(
                "{\"jobId\":\"FJ1\",\"recipientStatus\":[" + string.Join(',', Enumerable.Repeat("{}", 100)) + "]}", 1_000)) + "]}"),
        };
    }

    [Benchmark(Baseline = true, Description = "Floor: Utf8JsonReader walk")]
    public int Floor() => JsonFloor.Walk(_payload);

    [Benchmark(Description = "FaxSdk parser")]
    public int Sdk()
    {
        try
        {
            return Case.StartsWith("Phaxio", StringComparison.Ordinal)
                ? PhaxioStatusParser.Parse(_payload).Count
                : RetarusStatusParser.Parse(_payload).Count;
        }
        catch (FaxProtocolException)
        {
            return -1;
        }
    }
}
