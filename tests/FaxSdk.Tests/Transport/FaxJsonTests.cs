using System.Text;
using System.Text.Json.Serialization;
using FaxSdk.Transport;

namespace FaxSdk.Tests.Transport;

public sealed class Probe
{
    public string? Name { get; set; }

    public int Count { get; set; }
}

[JsonSourceGenerationOptions(MaxDepth = FaxJson.RecommendedMaxDepth)]
[JsonSerializable(typeof(Probe))]
internal sealed partial class ProbeJsonContext : JsonSerializerContext;

public class FaxJsonTests
{
    private static FaxProtocolException Fails(string body) =>
        Assert.Throws<FaxProtocolException>(() => FaxJson.Deserialize(Encoding.UTF8.GetBytes(body), ProbeJsonContext.Default.Probe, "test"));

    [Fact]
    public void Reads_valid_json_after_a_bom_and_whitespace()
    {
        var probe = FaxJson.Deserialize("\uFEFF \n{\"Name\":\"x\",\"Count\":2}"u8, ProbeJsonContext.Default.Probe, "test");

        Assert.Equal(("x", 2), (probe.Name, probe.Count));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData(" \r\n ", "empty")]
    [InlineData("<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head></html>", "HTML or XML page instead of JSON (\"502 Bad Gateway\")")]
    [InlineData("<soap:Envelope/>", "HTML or XML page")]
    [InlineData("{\"Name\":\"x\",\"Cou", "truncated")]
    [InlineData("{\"Count\":\"many\"}", "not valid JSON of the expected shape")]
    [InlineData("null", "JSON is null")]
    [InlineData("[1,2]", "not valid JSON")]
    public void Unreadable_bodies_explain_themselves(string body, string expected)
    {
        var exception = Fails(body);

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
        Assert.StartsWith("test:", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Documents_deeper_than_the_cap_are_refused()
    {
        var deep = "{\"Name\":\"x\",\"Extra\":" + new string('[', 100) + new string(']', 100) + "}";

        Fails(deep);
    }
}
