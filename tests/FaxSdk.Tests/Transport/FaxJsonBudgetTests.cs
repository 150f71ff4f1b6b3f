using System.Text;
using System.Text.Json;
using FaxSdk.Transport;

namespace FaxSdk.Tests.Transport;

/// <summary>The inline budget refuses exactly what <see cref="FaxPayloadLimits.Inspect"/> refuses, with its messages.</summary>
public class FaxJsonBudgetTests
{
    [Theory]
    [InlineData(FaxPayloadLimits.MaxArrayLength, false)]
    [InlineData(FaxPayloadLimits.MaxArrayLength + 1, true)]
    public void A_skipped_array_is_counted(int length, bool refused)
    {
        var body = Encoding.UTF8.GetBytes("{\"x\":{\"deep\":[" + string.Join(",", Enumerable.Repeat("1", length)) + "]},\"y\":2}");
        var inspectRefused = Refuses(() => FaxPayloadLimits.Inspect(body, "p"));
        Assert.Equal(refused, inspectRefused);
        Assert.Equal(refused, Refuses(() => SkipAll(body)));
    }

    [Theory]
    [InlineData(FaxPayloadLimits.MaxObjectsPerBody - 1, false)]
    [InlineData(FaxPayloadLimits.MaxObjectsPerBody, true)]
    public void Objects_inside_skipped_values_are_counted_with_the_root(int inner, bool refused)
    {
        // The root object plus `inner` objects in arrays of at most 10,000 each.
        var chunks = Enumerable.Range(0, (inner + 9_999) / 10_000)
            .Select(i => "[" + string.Join(",", Enumerable.Repeat("{}", Math.Min(10_000, inner - (i * 10_000)))) + "]");
        var body = Encoding.UTF8.GetBytes("{\"a\":[" + string.Join(",", chunks) + "]}");
        Assert.Equal(refused, Refuses(() => FaxPayloadLimits.Inspect(body, "p")));
        var exception = Record.Exception(() => SkipAll(body));
        Assert.Equal(refused, exception is FaxProtocolException);
        if (refused)
        {
            Assert.Equal(FaxPayloadLimits.TooManyObjects("p").Message, exception!.Message);
        }
    }

    [Fact]
    public void CountElement_refuses_the_element_past_the_bound_and_names_the_array()
    {
        var budget = new FaxJsonBudget("phaxio");
        var count = FaxPayloadLimits.MaxArrayLength - 1;
        budget.CountElement(ref count, "\"recipients\"");
        Assert.Equal(FaxPayloadLimits.MaxArrayLength, count);
        var exception = Assert.Throws<FaxProtocolException>(() =>
        {
            var local = new FaxJsonBudget("phaxio");
            local.CountElement(ref count, "\"recipients\"");
        });
        Assert.Contains("\"recipients\" has more than 10,000 elements", exception.Message, StringComparison.Ordinal);
        Assert.Equal("phaxio", exception.Provider);
    }

    [Fact]
    public void Skip_leaves_the_reader_on_the_last_token_of_the_value_and_skips_scalars_at_once()
    {
        var body = "{\"skip\":{\"a\":[1,{\"b\":null}]},\"n\":5,\"keep\":7}"u8.ToArray();
        var reader = new Utf8JsonReader(body, FaxJson.ReaderOptions);
        var budget = new FaxJsonBudget("p");
        var kept = 0;
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("keep"u8))
            {
                reader.Read();
                kept = reader.GetInt32();
            }
            else
            {
                budget.Skip(ref reader);
            }
        }

        Assert.Equal(7, kept);
        Assert.Equal(JsonTokenType.EndObject, reader.TokenType);
        Assert.Equal(2, budget.Objects);
    }

    [Fact]
    public void Malformed_json_inside_a_skipped_value_is_a_JsonException_that_ReadFailure_words_like_Deserialize()
    {
        var body = "{\"skip\":[1,2"u8.ToArray();
        var exception = Record.Exception(() => SkipAll(body));
        Assert.IsAssignableFrom<JsonException>(exception);
        Assert.True(FaxJson.IsReadFailure(exception!));
        var wrapped = FaxJson.ReadFailure(exception!, body, "p");
        Assert.StartsWith("p: the response is", wrapped.Message, StringComparison.Ordinal);
        Assert.Same(exception, wrapped.InnerException);
        Assert.NotNull(wrapped.ResponseExcerpt);
    }

    [Fact]
    public void ReadFailure_with_a_shape_names_the_path_and_the_shape_but_not_for_truncation()
    {
        var body = "{\"a\":1}"u8.ToArray();
        var shape = FaxJson.ReadFailure(new JsonException("Wrong kind.", "$.data.status", null, null), body, "p", "a thing {\"status\"}");
        Assert.Equal("p: the response is not valid JSON of the expected shape ($.data.status); expected a thing {\"status\"}.", shape.Message);
        Assert.NotNull(shape.ResponseExcerpt);

        var longPath = FaxJson.ReadFailure(new JsonException("Wrong kind.", "$." + new string('x', 300) + "\n", null, null), body, "p", "s");
        Assert.Contains("$." + new string('x', 126) + "…); expected s.", longPath.Message, StringComparison.Ordinal);

        var truncated = FaxJson.ReadFailure(new JsonException("Unexpected end of data while reading.", "$.a", null, null), body, "p", "s");
        Assert.Equal("p: the response is truncated JSON.", truncated.Message);

        var invalidUtf8 = FaxJson.ReadFailure(new InvalidOperationException("Cannot transcode."), body, "p", "s");
        Assert.DoesNotContain("expected s", invalidUtf8.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "p: the response body is empty.")]
    [InlineData(" \r\n", "p: the response body is empty.")]
    [InlineData("<html><title>Bad Gateway</title></html>", "p: the response is an HTML or XML page instead of JSON (\"Bad Gateway\").")]
    public void ContentOf_refuses_what_Deserialize_refuses_with_the_same_message(string body, string message)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var direct = Assert.Throws<FaxProtocolException>(() => FaxJson.ContentOf(bytes, "p").Length);
        Assert.Equal(message, direct.Message);
    }

    [Fact]
    public void ContentOf_skips_a_byte_order_mark_and_leading_whitespace()
    {
        byte[] body = [0xEF, 0xBB, 0xBF, (byte)' ', (byte)'\n', (byte)'{', (byte)'}'];
        Assert.Equal("{}"u8.ToArray(), FaxJson.ContentOf(body, "p").ToArray());
    }

    private static bool Refuses(Action action) => Record.Exception(action) is FaxProtocolException;

    private static void SkipAll(byte[] body)
    {
        var reader = new Utf8JsonReader(body, FaxJson.ReaderOptions);
        var budget = new FaxJsonBudget("p");
        reader.Read();
        budget.Skip(ref reader);
    }
}

/// <summary><see cref="FaxJson.PropertyNameIs"/> against the serialiser's own member matching.</summary>
public class FaxJsonPropertyNameTests
{
    private sealed class Target
    {
        public string? Status { get; set; }
    }

    [Theory]
    [InlineData("Status")]
    [InlineData("status")]
    [InlineData("STATUS")]
    [InlineData("St\\u0061tus")]
    [InlineData("\\u0073tatus")]
    [InlineData("stat\u0131s")]
    [InlineData("\u017Ftatus")]
    [InlineData("Statu")]
    [InlineData("Statuses")]
    [InlineData("st\u00e4tus")]
    [InlineData("St\\u00e4tus")]
    public void Matches_what_the_serialiser_binds(string name)
    {
        var json = "{\"" + name + "\":\"x\"}";
        foreach (var ignoreCase in new[] { false, true })
        {
            var options = new JsonSerializerOptions { PropertyNameCaseInsensitive = ignoreCase };
            var bound = JsonSerializer.Deserialize<Target>(json, options)!.Status is not null;
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
            reader.Read();
            reader.Read();
            Assert.Equal(bound, FaxJson.PropertyNameIs(ref reader, "Status"u8, ignoreCase));
        }
    }

    [Fact]
    public void A_name_that_is_not_valid_utf8_binds_nothing_and_throws_nothing_as_in_the_serialiser()
    {
        byte[] json = [.. "{\"St"u8, 0xFF, .. "tus\":\"x\"}"u8];
        foreach (var ignoreCase in new[] { false, true })
        {
            var options = new JsonSerializerOptions { PropertyNameCaseInsensitive = ignoreCase };
            Assert.Null(JsonSerializer.Deserialize<Target>(json, options)!.Status);
            var reader = new Utf8JsonReader(json);
            reader.Read();
            reader.Read();
            Assert.False(FaxJson.PropertyNameIs(ref reader, "Status"u8, ignoreCase));
        }
    }
}
