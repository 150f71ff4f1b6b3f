using System.Text;
using System.Text.Json;
using FaxSdk.Transport;

namespace FaxSdk.Tests.Transport;

public class FaxPayloadLimitsTests
{
    private static byte[] Array(string name, int count, string element = "{}") =>
        Encoding.UTF8.GetBytes($"{{\"{name}\":[" + string.Join(',', Enumerable.Repeat(element, count)) + "]}");

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"a\":[1,2,{\"b\":[]}]}")]
    [InlineData("\uFEFF {\"a\":1}")]
    public void A_body_within_the_bounds_passes_and_its_root_is_named(string body) =>
        Assert.Equal(JsonTokenType.StartObject, FaxPayloadLimits.Inspect(Encoding.UTF8.GetBytes(body), "p"));

    [Fact]
    public void An_array_of_exactly_the_bound_passes_and_one_more_is_refused_naming_the_array()
    {
        Assert.Equal(JsonTokenType.StartObject, FaxPayloadLimits.Inspect(Array("recipients", FaxPayloadLimits.MaxArrayLength), "p"));

        var exception = Assert.Throws<FaxProtocolException>(() => FaxPayloadLimits.Inspect(Array("recipients", FaxPayloadLimits.MaxArrayLength + 1, "0"), "p"));

        Assert.Equal("p", exception.Provider);
        Assert.StartsWith("p: \"recipients\" has more than 10,000 elements", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_root_array_over_the_bound_is_named_as_such() =>
        Assert.Contains("the root array", Assert.Throws<FaxProtocolException>(() =>
            FaxPayloadLimits.Inspect(Encoding.UTF8.GetBytes("[" + string.Join(',', Enumerable.Repeat("null", FaxPayloadLimits.MaxArrayLength + 1)) + "]"), "p")).Message, StringComparison.Ordinal);

    [Fact]
    public void Arrays_nested_in_arrays_are_counted_each_on_its_own()
    {
        var inner = "[" + string.Join(',', Enumerable.Repeat("1", 9_000)) + "]";

        Assert.Equal(JsonTokenType.StartArray, FaxPayloadLimits.Inspect(Encoding.UTF8.GetBytes($"[{inner},{inner}]"), "p"));
    }

    [Fact]
    public void More_objects_than_the_bound_are_refused_even_in_short_arrays()
    {
        var page = "[" + string.Join(',', Enumerable.Repeat("{}", 9_000)) + "]";
        var body = Encoding.UTF8.GetBytes("{\"pages\":[" + string.Join(',', Enumerable.Repeat(page, 6)) + "]}");

        var exception = Assert.Throws<FaxProtocolException>(() => FaxPayloadLimits.Inspect(body, "p"));

        Assert.Contains("more than 50,000 JSON objects", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", JsonTokenType.None)]
    [InlineData("<html></html>", JsonTokenType.None)]
    [InlineData("{\"a\":[1,", JsonTokenType.StartObject)]
    [InlineData("[[[[", JsonTokenType.StartArray)]
    [InlineData("\"x\"", JsonTokenType.String)]
    [InlineData("12", JsonTokenType.Number)]
    [InlineData("nul", JsonTokenType.None)]
    public void Malformed_or_truncated_bodies_are_left_to_the_deserialiser(string body, JsonTokenType root) =>
        Assert.Equal(root, FaxPayloadLimits.Inspect(Encoding.UTF8.GetBytes(body), "p"));

    [Fact]
    public void Deep_nesting_stops_the_scan_without_an_exception() =>
        Assert.Equal(JsonTokenType.StartArray, FaxPayloadLimits.Inspect(Encoding.UTF8.GetBytes(new string('[', 100_000)), "p"));

    [Theory]
    [InlineData(JsonTokenType.StartObject, "an object")]
    [InlineData(JsonTokenType.StartArray, "an array")]
    [InlineData(JsonTokenType.True, "a boolean")]
    [InlineData(JsonTokenType.Null, "null")]
    [InlineData(JsonTokenType.None, "not JSON")]
    public void Root_kinds_are_described(JsonTokenType root, string text) =>
        Assert.Equal(text, FaxPayloadLimits.Describe(root));
}
