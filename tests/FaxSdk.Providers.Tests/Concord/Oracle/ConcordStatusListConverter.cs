using System.Text.Json;
using System.Text.Json.Serialization;

namespace FaxSdk.Providers.Tests.Concord.Oracle;

/// <summary>Reads <c>FaxStatusList</c> item by item, refusing more than <see cref="ConcordOracleStatusParser.MaxStatuses"/> items (so a huge list is refused before it is held in memory).</summary>
internal sealed class ConcordStatusListConverter : JsonConverter<List<ConcordFaxStatusDto?>?>
{
    public override List<ConcordFaxStatusDto?>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("Expected \"FaxStatusList\" to be an array.");
        }

        var list = new List<ConcordFaxStatusDto?>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (list.Count == ConcordOracleStatusParser.MaxStatuses)
            {
                throw new ConcordTooManyStatusesException();
            }

            list.Add(reader.TokenType == JsonTokenType.Null ? null : JsonSerializer.Deserialize(ref reader, ConcordOracleJsonContext.Default.ConcordFaxStatusDto));
        }

        return list;
    }

    public override void Write(Utf8JsonWriter writer, List<ConcordFaxStatusDto?>? value, JsonSerializerOptions options) =>
        throw new NotSupportedException();
}

/// <summary>Thrown inside the JSON reader when the list is over the bound; turned into a <see cref="FaxProtocolException"/>.</summary>
internal sealed class ConcordTooManyStatusesException : JsonException
{
    public ConcordTooManyStatusesException()
        : base($"more than {ConcordOracleStatusParser.MaxStatuses} FaxStatus items")
    {
    }
}
