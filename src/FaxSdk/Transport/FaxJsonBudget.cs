using System.Text.Json;

namespace FaxSdk.Transport;

/// <summary>
/// Enforces <see cref="FaxPayloadLimits"/> while a parser reads a body once, straight into the model, with a
/// <see cref="Utf8JsonReader"/>: it counts the objects of the body and the elements of its arrays, the ones the parser
/// reads and the ones it skips, and refuses the body with the same <see cref="FaxProtocolException"/> as
/// <see cref="FaxPayloadLimits.Inspect(ReadOnlySpan{byte}, string)"/> as soon as a bound is passed. No allocation.
/// </summary>
/// <remarks>
/// A parser calls <see cref="CountObject()"/> for each object it enters, <see cref="CountElement(ref int, string?)"/>
/// for each element of an array it reads, and <see cref="Skip(ref Utf8JsonReader)"/> (never
/// <see cref="Utf8JsonReader.Skip()"/>) for a value it does not read. A mutable struct: keep it in a local and pass it
/// by <see langword="ref"/>.
/// </remarks>
public struct FaxJsonBudget
{
    private const int MaxTrackedDepth = 64;
    private readonly string _provider;
    private int _objects;

    /// <summary>Starts counting a body.</summary>
    /// <param name="provider">The provider id, for messages.</param>
    public FaxJsonBudget(string provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        _provider = provider;
    }

    /// <summary>How many objects have been counted so far.</summary>
    public readonly int Objects => _objects;

    /// <summary>Counts one object (call it on each <see cref="JsonTokenType.StartObject"/> the parser enters).</summary>
    /// <exception cref="FaxProtocolException">The body now holds more than <see cref="FaxPayloadLimits.MaxObjectsPerBody"/> objects.</exception>
    public void CountObject()
    {
        if (++_objects > FaxPayloadLimits.MaxObjectsPerBody)
        {
            throw FaxPayloadLimits.TooManyObjects(_provider ?? "provider");
        }
    }

    /// <summary>Counts one element of an array the parser reads.</summary>
    /// <param name="elements">The array's element count so far, incremented here.</param>
    /// <param name="arrayName">The array's name as it appears in the body, with its quotes (<c>"\"recipients\""</c>),
    /// or <see langword="null"/> for the root array; used only in the message.</param>
    /// <exception cref="FaxProtocolException">The array now has more than <see cref="FaxPayloadLimits.MaxArrayLength"/> elements.</exception>
    public readonly void CountElement(ref int elements, string? arrayName)
    {
        if (++elements > FaxPayloadLimits.MaxArrayLength)
        {
            throw FaxPayloadLimits.ArrayTooLong(_provider ?? "provider", arrayName);
        }
    }

    /// <summary>
    /// Skips the value the reader is on (after a property name: the property's value), counting the objects and array
    /// elements inside it. A scalar is skipped at no cost.
    /// </summary>
    /// <param name="reader">The reader, on a property name or on the first token of a value.</param>
    /// <exception cref="FaxProtocolException">A bound is passed inside the skipped value.</exception>
    /// <exception cref="JsonException">The JSON is malformed or truncated (turn it into a
    /// <see cref="FaxProtocolException"/> with <see cref="FaxJson.ReadFailure(Exception, ReadOnlySpan{byte}, string)"/>).</exception>
    public void Skip(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.PropertyName)
        {
            reader.Read();
        }

        if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            return;
        }

        SkipContainer(ref reader);
    }

    // Apart, so that skipping a scalar does not pay for clearing the stack buffer.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void SkipContainer(ref Utf8JsonReader reader)
    {
        var start = reader.CurrentDepth;
        Span<int> counts = stackalloc int[MaxTrackedDepth + 1];
        var top = 0;
        counts[0] = reader.TokenType == JsonTokenType.StartArray ? 0 : -1;
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            CountObject();
        }

        while (reader.Read())
        {
            var token = reader.TokenType;
            if (token is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                if (reader.CurrentDepth == start)
                {
                    return;
                }

                top--;
                continue;
            }

            if (token == JsonTokenType.PropertyName)
            {
                continue;
            }

            if (counts[top] >= 0 && ++counts[top] > FaxPayloadLimits.MaxArrayLength)
            {
                throw FaxPayloadLimits.ArrayTooLong(_provider ?? "provider", "an array the parser skips");
            }

            if (token is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                if (token == JsonTokenType.StartObject)
                {
                    CountObject();
                }

                if (++top > MaxTrackedDepth)
                {
                    throw new JsonException($"The JSON is nested deeper than {MaxTrackedDepth} levels.");
                }

                counts[top] = token == JsonTokenType.StartArray ? 0 : -1;
            }
        }
    }
}
