using System.Globalization;
using System.Text;
using System.Text.Json;

namespace FaxSdk.Transport;

/// <summary>
/// The bounds a provider parser puts on one response body before it builds anything from it, so that no body (however
/// large or hostile) makes a parser hold many times its size in memory. Defined once here for every provider.
/// </summary>
/// <remarks>
/// <para>A body whose JSON has an array longer than <see cref="MaxArrayLength"/> (so more than 10,000 recipients in one
/// job, or more than 10,000 statuses or reports in one body) or more than <see cref="MaxObjectsPerBody"/> objects in all
/// is refused with a <see cref="FaxProtocolException"/> before anything is deserialised. Real bodies are far below both:
/// Retarus lists at most 1,000 reports, Phaxio at most 1,000 faxes per page, and Pantarey at most 10 recipients.</para>
/// <para><see cref="Inspect(ReadOnlySpan{byte}, string)"/> makes one forward pass with a <see cref="Utf8JsonReader"/>
/// (no allocation besides the exception) and stops at the first malformed token, leaving that error to the
/// deserialiser, which names it.</para>
/// </remarks>
public static class FaxPayloadLimits
{
    /// <summary>The most elements any JSON array in one body may have: recipients per job, statuses or reports per body (10,000).</summary>
    public const int MaxArrayLength = 10_000;

    /// <summary>The most JSON objects one body may hold in all (50,000).</summary>
    public const int MaxObjectsPerBody = 50_000;

    private const int MaxTrackedDepth = 64;

    /// <summary>
    /// Checks a JSON body against <see cref="MaxArrayLength"/> and <see cref="MaxObjectsPerBody"/>, and says what its
    /// root value is, so that a parser can name the shape it expected.
    /// </summary>
    /// <param name="body">The UTF-8 body (a leading byte order mark and whitespace are skipped).</param>
    /// <param name="provider">The provider id, for messages.</param>
    /// <returns>The root token (<see cref="JsonTokenType.StartObject"/>, <see cref="JsonTokenType.StartArray"/>, a
    /// scalar), or <see cref="JsonTokenType.None"/> when the body is empty or does not start with JSON.</returns>
    /// <exception cref="FaxProtocolException">An array or the whole body is over the bounds.</exception>
    public static JsonTokenType Inspect(ReadOnlySpan<byte> body, string provider)
    {
        if (body.StartsWith("\uFEFF"u8))
        {
            body = body[3..];
        }

        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = MaxTrackedDepth, CommentHandling = JsonCommentHandling.Disallow });
        Span<int> counts = stackalloc int[MaxTrackedDepth + 1];
        Span<int> nameStarts = stackalloc int[MaxTrackedDepth + 1];
        Span<int> nameLengths = stackalloc int[MaxTrackedDepth + 1];
        var root = JsonTokenType.None;
        var objects = 0;
        int lastNameStart = -1, lastNameLength = 0;
        try
        {
            while (reader.Read())
            {
                var depth = reader.CurrentDepth;
                if (root == JsonTokenType.None)
                {
                    root = reader.TokenType;
                }

                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    lastNameStart = checked((int)reader.TokenStartIndex);
                    lastNameLength = reader.ValueSpan.Length + 2;
                    continue;
                }

                if (reader.TokenType is JsonTokenType.EndArray or JsonTokenType.EndObject)
                {
                    continue;
                }

                // A value: it is an element of the array it sits in, if any.
                if (depth > 0 && counts[depth - 1] >= 0 && ++counts[depth - 1] > MaxArrayLength)
                {
                    var name = nameLengths[depth - 1] > 0
                        ? Encoding.UTF8.GetString(body.Slice(nameStarts[depth - 1], Math.Min(nameLengths[depth - 1], 66)))
                        : "the root array";
                    throw ArrayTooLong(provider, name);
                }

                if (reader.TokenType == JsonTokenType.StartObject && ++objects > MaxObjectsPerBody)
                {
                    throw TooManyObjects(provider);
                }

                if (reader.TokenType is JsonTokenType.StartArray or JsonTokenType.StartObject)
                {
                    // Element count for an array; -1 marks an object, whose members are not elements.
                    counts[depth] = reader.TokenType == JsonTokenType.StartArray ? 0 : -1;
                    var named = depth > 0 && counts[depth - 1] == -1 && lastNameStart >= 0;
                    nameStarts[depth] = named ? lastNameStart : 0;
                    nameLengths[depth] = named ? lastNameLength : 0;
                }

                lastNameStart = -1;
            }
        }
        catch (JsonException)
        {
            // Malformed, truncated or too deep: the deserialiser reports it with its position.
        }

        return root;
    }

    /// <summary>The exception for an array with more than <see cref="MaxArrayLength"/> elements.</summary>
    /// <param name="provider">The provider id, for the message.</param>
    /// <param name="arrayName">How to name the array in the message, as it appears in the body, with its
    /// quotes, such as <c>"recipients"</c> (sanitised and cut to 66 characters), or <see langword="null"/> for the root array.</param>
    /// <returns>The exception to throw.</returns>
    public static FaxProtocolException ArrayTooLong(string provider, string? arrayName)
    {
        var name = arrayName is null ? "the root array" : arrayName.Length > 66 ? arrayName[..66] : arrayName;
        return new FaxProtocolException(provider, string.Create(CultureInfo.InvariantCulture,
            $"{provider}: {ResponseExcerpt.Sanitize(name)} has more than {MaxArrayLength:N0} elements; FaxSdk reads at most {MaxArrayLength:N0} recipients per job and {MaxArrayLength:N0} statuses per body."));
    }

    /// <summary>The exception for a body with more than <see cref="MaxObjectsPerBody"/> JSON objects.</summary>
    /// <param name="provider">The provider id, for the message.</param>
    /// <returns>The exception to throw.</returns>
    public static FaxProtocolException TooManyObjects(string provider) =>
        new(provider, string.Create(CultureInfo.InvariantCulture,
            $"{provider}: the body holds more than {MaxObjectsPerBody:N0} JSON objects; FaxSdk refuses it rather than hold it in memory."));

    /// <summary>The name of a root token kind for messages: "an array", "a string", …</summary>
    /// <param name="root">The root token from <see cref="Inspect(ReadOnlySpan{byte}, string)"/>.</param>
    /// <returns>A short English description.</returns>
    public static string Describe(JsonTokenType root) => root switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => "not JSON",
    };
}
