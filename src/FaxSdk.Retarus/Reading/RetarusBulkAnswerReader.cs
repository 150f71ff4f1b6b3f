using System.Text.Json;
using FaxSdk.Transport;

namespace FaxSdk.Retarus.Reading;

/// <summary>
/// Reads the answer to a bulk <c>DELETE</c> (<c>{"reports": [{"jobId", "deleted"} | {"jobId", "reason"}]}</c>) in one
/// pass with a <see cref="Utf8JsonReader"/>: member names case-insensitive, unknown members skipped, the payload limits
/// counted inline, a value of the wrong kind refused.
/// </summary>
internal static class RetarusBulkAnswerReader
{
    private const string ProviderId = RetarusStatusParser.ProviderId;

    /// <summary>Each job id the answer names, and whether it is gone (deleted, or <c>NOT_FOUND</c>); the last item for an id wins.</summary>
    /// <param name="body">The answer.</param>
    /// <returns>Job id → gone.</returns>
    /// <exception cref="FaxProtocolException">The answer is unreadable, over the payload limits, or of another shape.</exception>
    public static Dictionary<string, bool> Read(ReadOnlySpan<byte> body)
    {
        var content = FaxJson.ContentOf(body, ProviderId);
        var json = new Utf8JsonReader(content, FaxJson.ReaderOptions);
        var budget = new FaxJsonBudget(ProviderId);
        var gone = new Dictionary<string, bool>(StringComparer.Ordinal);
        try
        {
            json.Read();
            if (json.TokenType == JsonTokenType.Null)
            {
                throw new FaxProtocolException(ProviderId, $"{ProviderId}: the response JSON is null.");
            }

            Expect(ref json, JsonTokenType.StartObject);
            budget.CountObject();
            while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
            {
                if (!FaxJson.PropertyNameIs(in json, "reports"u8, ignoreCase: true))
                {
                    budget.Skip(ref json);
                    continue;
                }

                // A repeated "reports" replaces the list before it.
                gone.Clear();
                json.Read();
                if (json.TokenType == JsonTokenType.Null)
                {
                    continue;
                }

                Expect(ref json, JsonTokenType.StartArray);
                var elements = 0;
                while (json.Read() && json.TokenType != JsonTokenType.EndArray)
                {
                    budget.CountElement(ref elements, "\"reports\"");
                    if (json.TokenType != JsonTokenType.Null)
                    {
                        Expect(ref json, JsonTokenType.StartObject);
                        ReadItem(ref json, ref budget, gone);
                    }
                }
            }

            if (json.Read())
            {
                throw new JsonException("The body holds more than one JSON value.");
            }
        }
        catch (Exception exception) when (FaxJson.IsReadFailure(exception))
        {
            throw FaxJson.ReadFailure(exception, content, ProviderId);
        }

        return gone;
    }

    private static void ReadItem(ref Utf8JsonReader json, ref FaxJsonBudget budget, Dictionary<string, bool> gone)
    {
        budget.CountObject();
        string? jobId = null, reason = null;
        bool? deleted = null;
        while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
        {
            if (FaxJson.PropertyNameIs(in json, "jobId"u8, ignoreCase: true))
            {
                jobId = ReadString(ref json);
            }
            else if (FaxJson.PropertyNameIs(in json, "reason"u8, ignoreCase: true))
            {
                reason = ReadString(ref json);
            }
            else if (FaxJson.PropertyNameIs(in json, "deleted"u8, ignoreCase: true))
            {
                json.Read();
                deleted = json.TokenType == JsonTokenType.Null ? null : json.GetBoolean();
            }
            else
            {
                budget.Skip(ref json);
            }
        }

        if (jobId is not null)
        {
            gone[jobId] = deleted == true || string.Equals(reason, "NOT_FOUND", StringComparison.OrdinalIgnoreCase);
        }
    }

    private static string? ReadString(ref Utf8JsonReader json)
    {
        json.Read();
        return json.TokenType == JsonTokenType.Null ? null : json.TokenType == JsonTokenType.String ? json.GetString() : throw new JsonException("Expected a string.");
    }

    private static void Expect(ref Utf8JsonReader json, JsonTokenType token)
    {
        if (json.TokenType != token)
        {
            throw new JsonException($"Expected {token}, found {json.TokenType}.");
        }
    }
}
