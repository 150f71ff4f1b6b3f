using System.Text.Json;
using System.Text.Json.Serialization;
using FaxSdk.Transport;

namespace FaxSdk.Tests.Transport;

public class FaxPresenceConverterTests
{
    private sealed class Shape
    {
        [JsonPropertyName("data")]
        [JsonConverter(typeof(FaxPresenceConverter))]
        public bool HasData { get; set; }

        [JsonPropertyName("id")]
        public int Id { get; set; }
    }

    [Theory]
    [InlineData("""{"id":1,"data":null}""", true)]
    [InlineData("""{"data":{"deep":[1,{"x":[]}]},"id":1}""", true)]
    [InlineData("""{"data":"text","id":1}""", true)]
    [InlineData("""{"id":1}""", false)]
    public void A_property_counts_as_present_whatever_its_value_and_the_rest_is_still_read(string json, bool present)
    {
        var shape = JsonSerializer.Deserialize<Shape>(json)!;

        Assert.Equal(present, shape.HasData);
        Assert.Equal(1, shape.Id);
    }
}
