using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using FaxSdk.Mapping;

namespace FaxSdk.Generators.Tests;

[FaxStatusMap]
public enum DemoStatus
{
    [Wire("queued"), Wire("pendingbatch"), MapsTo(FaxJobState.Pending)] Queued,
    [Wire("success"), MapsTo(FaxJobState.Succeeded)] Success,
    [UnknownWire] Unknown,
}

[FaxStatusMap]
public enum DemoCode
{
    [UnknownWire] Unknown,
    [Wire(17), MapsTo(FaxFailureCategory.Busy)] Busy,
    [Wire(1), MapsTo(FaxFailureCategory.InvalidNumber)] Unallocated,
}

[FaxStatusMap(IgnoreCase = false)]
public enum DemoExactStatus
{
    [Wire("OK"), Wire("Done"), MapsTo(FaxJobState.Succeeded)] Ok,
    [Wire("RETRY"), MapsTo(FaxJobState.InProgress)] Retry,
    [Wire("überfällig"), MapsTo(FaxJobState.Failed)] Overdue,
    [UnknownWire] Unknown,
}

public sealed class DemoPayload
{
    public DemoStatus Status { get; set; }

    public DemoCode Cause { get; set; }
}

[JsonSerializable(typeof(DemoPayload))]
internal sealed partial class DemoJsonContext : JsonSerializerContext;

/// <summary>Runs code the generator emitted into this test assembly.</summary>
public class GeneratedCodeBehaviourTests
{
    // Source generators cannot see each other's output, so System.Text.Json's generator cannot resolve
    // [JsonConverter(typeof(DemoStatusMap.JsonConverter))]: the converters are registered in the options instead.
    private static readonly DemoJsonContext Context = new(new JsonSerializerOptions
    {
        Converters = { new DemoStatusMap.JsonConverter(), new DemoCodeMap.JsonConverter() },
    });

    private static DemoPayload Read(string json) => JsonSerializer.Deserialize(json, Context.DemoPayload)!;

    [Theory]
    [InlineData("""{"Status":"queued"}""", DemoStatus.Queued)]
    [InlineData("""{"Status":"PendingBatch"}""", DemoStatus.Queued)]
    [InlineData("""{"Status":"\u0073uccess"}""", DemoStatus.Success)]
    [InlineData("""{"Status":"nope"}""", DemoStatus.Unknown)]
    [InlineData("""{"Status":null}""", DemoStatus.Unknown)]
    [InlineData("""{"Status":42}""", DemoStatus.Unknown)]
    [InlineData("""{"Status":{"nested":[1,2]}}""", DemoStatus.Unknown)]
    [InlineData("""{"Status":[1,"success"]}""", DemoStatus.Unknown)]
    [InlineData("""{"Status":"\ud800"}""", DemoStatus.Unknown)]
    public void Json_converter_reads_any_token_without_throwing(string json, DemoStatus expected) =>
        Assert.Equal(expected, Read(json).Status);

    [Fact]
    public void Json_converter_treats_very_long_strings_as_unknown()
    {
        Assert.Equal(DemoStatus.Unknown, Read($$"""{"Status":"{{new string('q', 100_000)}}"}""").Status);
        Assert.Equal(DemoStatus.Unknown, Read($$"""{"Status":"{{string.Concat(Enumerable.Repeat("\\u0071", 1000))}}"}""").Status);
    }

    [Theory]
    [InlineData("""{"Cause":17}""", DemoCode.Busy)]
    [InlineData("""{"Cause":"17"}""", DemoCode.Busy)]
    [InlineData("""{"Cause":1.5}""", DemoCode.Unknown)]
    [InlineData("""{"Cause":99999999999}""", DemoCode.Unknown)]
    [InlineData("""{"Cause":true}""", DemoCode.Unknown)]
    public void Json_converter_reads_codes_from_numbers_and_text(string json, DemoCode expected) =>
        Assert.Equal(expected, Read(json).Cause);

    [Fact]
    public void Json_converter_writes_wire_values_and_null_for_the_unknown_member()
    {
        Assert.Equal("""{"Status":"queued","Cause":17}""", JsonSerializer.Serialize(new DemoPayload { Status = DemoStatus.Queued, Cause = DemoCode.Busy }, Context.DemoPayload));
        Assert.Equal("""{"Status":null,"Cause":null}""", JsonSerializer.Serialize(new DemoPayload { Status = DemoStatus.Unknown, Cause = DemoCode.Unknown }, Context.DemoPayload));
    }

    [Fact]
    public void Generated_api_maps_formats_and_classifies()
    {
        Assert.Equal("queued", DemoStatus.Queued.ToWire());
        Assert.Equal("", DemoStatus.Unknown.ToWire());
        Assert.Equal("", ((DemoStatus)99).ToWire());
        Assert.Equal(FaxJobState.Unknown, ((DemoStatus)99).ToCanonical());
        Assert.True(DemoStatus.Success.IsTerminal());
        Assert.False(DemoStatus.Unknown.IsTerminal());
        Assert.True(DemoCode.Busy.IsRetryable());
        Assert.False(DemoCode.Unallocated.IsRetryable());
        Assert.True(DemoCodeMap.TryFromCode(1, out var code));
        Assert.Equal(DemoCode.Unallocated, code);
        Assert.False(DemoStatusMap.TryParse("", out var empty));
        Assert.Equal(DemoStatus.Unknown, empty);
        Assert.Equal(3, DemoStatusMap.Entries.Length);
        Assert.Equal(new WireMapEntry<DemoStatus, FaxJobState>("pendingbatch", null, DemoStatus.Queued, FaxJobState.Pending, false), DemoStatusMap.Entries[1]);
    }

    [Theory]
    [InlineData("OK", DemoExactStatus.Ok)]
    [InlineData("Done", DemoExactStatus.Ok)]
    [InlineData("RETRY", DemoExactStatus.Retry)]
    [InlineData("überfällig", DemoExactStatus.Overdue)]
    [InlineData("ok", DemoExactStatus.Unknown)]
    [InlineData("done", DemoExactStatus.Unknown)]
    [InlineData("Retry", DemoExactStatus.Unknown)]
    [InlineData("ÜBERFÄLLIG", DemoExactStatus.Unknown)]
    [InlineData("Überfällig", DemoExactStatus.Unknown)]
    [InlineData("OK ", DemoExactStatus.Unknown)]
    [InlineData("", DemoExactStatus.Unknown)]
    public void Case_sensitive_maps_match_exactly_in_UTF16_and_UTF8(string wire, DemoExactStatus expected)
    {
        Assert.Equal(expected, DemoExactStatusMap.Parse(wire));
        Assert.Equal(expected, DemoExactStatusMap.ParseUtf8(Encoding.UTF8.GetBytes(wire)));
        Assert.Equal(expected != DemoExactStatus.Unknown, DemoExactStatusMap.TryParse(wire, out _));
    }

    [Fact]
    public void Parsing_allocates_nothing()
    {
        var inputs = new[] { "queued", "PENDINGBATCH", "success", "nope", "", "a much longer value that matches nothing" };
        var utf8 = inputs.Select(Encoding.UTF8.GetBytes).ToArray();
        var json = Encoding.UTF8.GetBytes("""["queued","success","x",null,"\u0071ueued"]""");
        var converter = new DemoStatusMap.JsonConverter();
        var options = new JsonSerializerOptions();
        Warm();

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var round = 0; round < 1000; round++)
        {
            Warm();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);

        void Warm()
        {
            foreach (var input in inputs)
            {
                DemoStatusMap.Parse(input);
            }

            foreach (var bytes in utf8)
            {
                DemoStatusMap.ParseUtf8(bytes);
            }

            DemoCodeMap.Parse("17");
            DemoCodeMap.ParseUtf8("1"u8);
            DemoCodeMap.FromCode(12345);
            var reader = new Utf8JsonReader(json);
            reader.Read();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                converter.Read(ref reader, typeof(DemoStatus), options);
            }
        }
    }
}
