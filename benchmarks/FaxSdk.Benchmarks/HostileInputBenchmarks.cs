using System.Text;
using BenchmarkDotNet.Attributes;
using FaxSdk.Concord;
using FaxSdk.StoneFax;

namespace FaxSdk.Benchmarks;

/// <summary>
/// The cost of hostile bodies is bounded: a SOAP body nested 1,000 or 100,000 levels deep is refused at level 33, and a
/// recipient or status list is refused at its 10,001st entry, so time and memory stop growing with the input.
/// Each case returns how many statuses were read (0 when the body was refused with a <see cref="FaxProtocolException"/>).
/// </summary>
[MemoryDiagnoser]
public class HostileInputBenchmarks
{
    private byte[] _body = [];
    private Func<byte[], int> _parse = _ => 0;

    [Params(
        "Concord SOAP, 30 levels (read)",
        "Concord SOAP, 1,000 levels",
        "Concord SOAP, 100,000 levels",
        "Concord JSON, 10,000 items (read)",
        "Concord JSON, 1,000,000 items",
        "StoneFax, 10,000 recipients (read)",
        "StoneFax, 1,000,000 recipients")]
    public string Case { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var number = Case.Split(", ")[1].Split(' ')[0].Replace(",", "", StringComparison.Ordinal);
        var count = int.Parse(number, System.Globalization.CultureInfo.InvariantCulture);
        if (Case.StartsWith("Concord SOAP", StringComparison.Ordinal))
        {
            // Envelope, Body, FaxStatusResponse, FaxStatusList, item, StatusDescription: 6 levels before the nesting.
            var depth = count - 6;
            _body = Encoding.UTF8.GetBytes(
                "<Envelope><Body><FaxStatusResponse><return>true</return><FaxStatusList><item><FaxJobId>br1</FaxJobId><StatusDescription>"
                + string.Concat(Enumerable.Repeat("<a>", depth)) + string.Concat(Enumerable.Repeat("</a>", depth))
                + "</StatusDescription></item></FaxStatusList></FaxStatusResponse></Body></Envelope>");
            _parse = body => ConcordStatusParser.Parse(body).Count;
        }
        else if (Case.StartsWith("Concord JSON", StringComparison.Ordinal))
        {
            _body = Encoding.UTF8.GetBytes("""{"GetFaxStatusResponse":{"return":true,"FaxStatusList":[""" + string.Join(',', Enumerable.Range(0, count).Select(i => $$"""{"FaxJobId":"br{{i}}","FaxJobStatusId":1}""")) + "]}}");
            _parse = body => ConcordStatusParser.Parse(body).Count;
        }
        else
        {
            _body = Encoding.UTF8.GetBytes("""{"faxId":"f","status":"Completed","recipient":[""" + string.Join(',', Enumerable.Repeat("{}", count)) + "]}");
            _parse = body => StoneFaxStatusParser.Parse(body).Recipients.Count;
        }
    }

    [Benchmark(Description = "parse (or refuse)")]
    public int Parse()
    {
        try
        {
            return _parse(_body);
        }
        catch (FaxProtocolException)
        {
            return 0;
        }
    }
}
