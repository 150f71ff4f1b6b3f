using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using FaxSdk.Transport;

namespace FaxSdk.Pantarey;

/// <summary>
/// Reads a "Query fax status" task output once with a <see cref="Utf8JsonReader"/>, straight into a status. It accepts
/// exactly what the serialiser-based reader accepted (camelCase names, case-sensitive; unknown members skipped; a
/// member given twice keeps its last value) and counts the body against <see cref="FaxPayloadLimits"/> as it goes,
/// skipped values included. On the way it notes the root <c>test</c> member, for the push contract.
/// </summary>
/// <remarks>
/// Recipients are held in a pooled buffer until the end: what a recipient without a result becomes depends on the job
/// <c>status</c> and <c>errorCode</c>, which may come after it.
/// </remarks>
internal ref struct PantareyOutputReader
{
    private const string ProviderId = PantareyStatusParser.ProviderId;
    private const int MaxRawLength = 256;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly ReadOnlySpan<byte> _content;
    private Utf8JsonReader _reader;
    private FaxJsonBudget _budget;
    private PantareyRecipientFields[]? _recipients;
    private int _recipientCount;

    private PantareyOutputReader(ReadOnlySpan<byte> content)
    {
        _content = content;
        _reader = new Utf8JsonReader(content, FaxJson.ReaderOptions);
        _budget = new FaxJsonBudget(ProviderId);
    }

    /// <summary>Reads a task output into its status.</summary>
    /// <param name="body">The body.</param>
    /// <param name="isTest">The sandbox flag for the status; <see langword="null"/> takes the body's own <c>test</c> (a push).</param>
    /// <param name="testFlag">The body's root <c>test</c> member, as the push contract reads it.</param>
    /// <returns>The status.</returns>
    public static FaxJobStatus Read(ReadOnlySpan<byte> body, bool? isTest, out PantareyTestFlag testFlag)
    {
        var content = FaxJson.ContentOf(body, ProviderId);
        var reader = new PantareyOutputReader(content);
        var output = default(PantareyOutputFields);
        testFlag = default;
        try
        {
            try
            {
                reader.ReadBody(ref output, ref testFlag);
            }
            catch (Exception exception) when (FaxJson.IsReadFailure(exception))
            {
                throw Unreadable(exception, content);
            }

            var recipients = reader._recipients.AsSpan(0, reader._recipientCount);
            return PantareyStatusParser.ToStatus(in output, recipients, isTest ?? testFlag.Value ?? false);
        }
        finally
        {
            if (reader._recipients is not null)
            {
                ArrayPool<PantareyRecipientFields>.Shared.Return(reader._recipients, clearArray: true);
            }
        }
    }

    private void ReadBody(ref PantareyOutputFields output, ref PantareyTestFlag testFlag)
    {
        _reader.Read();
        if (_reader.TokenType != JsonTokenType.StartObject)
        {
            throw PantareyStatusParser.Protocol($"the body is {FaxPayloadLimits.Describe(_reader.TokenType)}; expected {PantareyStatusParser.ExpectedShape}.");
        }

        _budget.CountObject();
        while (_reader.Read() && _reader.TokenType == JsonTokenType.PropertyName)
        {
            switch (PantareyMembers.OfOutput(ref _reader))
            {
                case PantareyMember.JobId: output.JobId = Text("$.jobId"); break;
                case PantareyMember.Status: ReadStatus(ref output); break;
                case PantareyMember.ErrorCode: output.ErrorCode = Code(); break;
                case PantareyMember.Statistics: ReadStatistics(ref output); break;
                case PantareyMember.Recipients: ReadRecipients(ref output); break;
                case PantareyMember.FaxJob:
                    output.FaxJob = true;
                    _budget.Skip(ref _reader);
                    break;
                case PantareyMember.Test:
                    output.Test = true;
                    _reader.Read();
                    testFlag.Observe(_reader.TokenType);
                    _budget.Skip(ref _reader);
                    break;
                default: _budget.Skip(ref _reader); break;
            }
        }

        if (_reader.Read())
        {
            throw new JsonException("Expected the end of the body after its root value.");
        }
    }

    private void ReadStatus(ref PantareyOutputFields output)
    {
        _reader.Read();
        output.Wire = PantareyJobStatus.Unknown;
        if (_reader.TokenType != JsonTokenType.String || _reader.ValueIsEscaped)
        {
            output.Status = Text("$.status", read: false);
            output.Wire = output.Status is null ? PantareyJobStatus.Unknown : PantareyJobStatusMap.Parse(output.Status);
            return;
        }

        // The usual spelling ("finished") is the generated constant: reuse it rather than allocate a copy.
        var raw = _reader.ValueSpan;
        output.Wire = PantareyJobStatusMap.ParseUtf8(raw);
        var wire = output.Wire.ToWire();
        output.Status = output.Wire != PantareyJobStatus.Unknown && Ascii.Equals(raw, wire) ? wire : _reader.GetString()!;
    }

    /// <summary>
    /// <c>errorCode</c>, whose JSON type Pantarey does not document, as text: a string as it is (text that is not valid
    /// UTF-8 or UTF-16, such as a lone surrogate, is kept as its raw JSON with U+FFFD replacements rather than failing), a
    /// number or boolean as its JSON text, an object or array as its raw JSON (at most 256 characters).
    /// </summary>
    private string? Code()
    {
        _reader.Read();
        switch (_reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                try
                {
                    return _reader.GetString();
                }
                catch (InvalidOperationException)
                {
                    return Encoding.UTF8.GetString(_reader.ValueSpan);
                }

            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                var start = (int)_reader.TokenStartIndex;
                _budget.Skip(ref _reader);
                string text;
                try
                {
                    text = StrictUtf8.GetString(_content[start..(int)_reader.BytesConsumed]);
                }
                catch (DecoderFallbackException exception)
                {
                    throw new InvalidOperationException("errorCode holds text that is not valid UTF-8.", exception);
                }

                return text.Length > MaxRawLength ? text[..MaxRawLength] + "…" : text;
            default:
                return Encoding.UTF8.GetString(_reader.ValueSpan); // number, true, false: their JSON text
        }
    }

    private void ReadStatistics(ref PantareyOutputFields output)
    {
        _reader.Read();
        output.HasStatistics = _reader.TokenType != JsonTokenType.Null;
        output.Pages = output.RecipientCount = output.RecipientCountSuccessful = output.RecipientCountError = null;
        if (!output.HasStatistics)
        {
            return;
        }

        Expect(JsonTokenType.StartObject, "$.statistics");
        _budget.CountObject();
        while (_reader.Read() && _reader.TokenType == JsonTokenType.PropertyName)
        {
            switch (PantareyMembers.OfStatistics(ref _reader))
            {
                case PantareyMember.Pages: output.Pages = Int32("$.statistics.pages"); break;
                case PantareyMember.RecipientCount: output.RecipientCount = Int32("$.statistics.recipientCount"); break;
                case PantareyMember.RecipientCountSuccessful: output.RecipientCountSuccessful = Int32("$.statistics.recipientCountSuccessful"); break;
                case PantareyMember.RecipientCountError: output.RecipientCountError = Int32("$.statistics.recipientCountError"); break;
                default: _budget.Skip(ref _reader); break;
            }
        }
    }

    private void ReadRecipients(ref PantareyOutputFields output)
    {
        _reader.Read();
        output.HasRecipients = _reader.TokenType != JsonTokenType.Null;
        _recipientCount = 0;
        if (!output.HasRecipients)
        {
            return;
        }

        Expect(JsonTokenType.StartArray, "$.recipients");
        var elements = 0;
        while (_reader.Read() && _reader.TokenType != JsonTokenType.EndArray)
        {
            _budget.CountElement(ref elements, "\"recipients\"");
            if (_reader.TokenType == JsonTokenType.Null)
            {
                Append(new PantareyRecipientFields(IsNull: true, null, null, null));
                continue;
            }

            if (_reader.TokenType != JsonTokenType.StartObject)
            {
                throw Mismatch("an object or null", string.Create(CultureInfo.InvariantCulture, $"$.recipients[{elements - 1}]"));
            }

            _budget.CountObject();
            string? number = null, text = null;
            var textAt = (Start: -1, Length: 0);
            int? code = null;
            while (_reader.Read() && _reader.TokenType == JsonTokenType.PropertyName)
            {
                switch (PantareyMembers.OfRecipient(ref _reader))
                {
                    case PantareyMember.FaxNumber: number = Text("$.recipients[].faxNumber"); break;
                    case PantareyMember.ResultCode: code = Int32("$.recipients[].resultCode"); break;
                    case PantareyMember.ResultText: text = LaterText("$.recipients[].resultText", out textAt); break;
                    default: _budget.Skip(ref _reader); break;
                }
            }

            // resultText is kept only for a failed recipient (a code other than 0): only then is the string made.
            if (code is not (null or 0) && textAt.Start >= 0)
            {
                text = Encoding.UTF8.GetString(_content.Slice(textAt.Start, textAt.Length));
            }

            Append(new PantareyRecipientFields(IsNull: false, number, code, text));
        }
    }

    private string? Text(string path, bool read = true)
    {
        if (read)
        {
            _reader.Read();
        }

        return _reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.String => _reader.GetString(),
            _ => throw Mismatch("a string or null", path),
        };
    }

    /// <summary>
    /// A string member whose text may not be kept: a plain string is checked (as <see cref="Utf8JsonReader.GetString"/>
    /// would fail on it) and located in the body rather than made; an escaped one is made at once.
    /// </summary>
    private string? LaterText(string path, out (int Start, int Length) at)
    {
        at = (-1, 0);
        _reader.Read();
        if (_reader.TokenType != JsonTokenType.String || _reader.ValueIsEscaped)
        {
            return Text(path, read: false);
        }

        if (!Utf8.IsValid(_reader.ValueSpan))
        {
            throw new InvalidOperationException("The JSON string is not valid UTF-8.");
        }

        at = ((int)_reader.TokenStartIndex + 1, _reader.ValueSpan.Length);
        return null;
    }

    private int? Int32(string path)
    {
        _reader.Read();
        return _reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.Number when _reader.TryGetInt32(out var value) => value,
            _ => throw Mismatch("a 32-bit integer or null", path),
        };
    }

    private readonly void Expect(JsonTokenType token, string path)
    {
        if (_reader.TokenType != token)
        {
            throw Mismatch(token == JsonTokenType.StartObject ? "an object or null" : "an array or null", path);
        }
    }

    private readonly JsonException Mismatch(string expected, string path) =>
        new($"The JSON value ({_reader.TokenType}) could not be read: expected {expected}.", path, lineNumber: null, bytePositionInLine: null);

    private void Append(PantareyRecipientFields recipient)
    {
        if (_recipients is null || _recipientCount == _recipients.Length)
        {
            var bigger = ArrayPool<PantareyRecipientFields>.Shared.Rent(_recipients is null ? 4 : _recipients.Length * 2);
            if (_recipients is not null)
            {
                _recipients.AsSpan(0, _recipientCount).CopyTo(bigger);
                ArrayPool<PantareyRecipientFields>.Shared.Return(_recipients, clearArray: true);
            }

            _recipients = bigger;
        }

        _recipients[_recipientCount++] = recipient;
    }

    /// <summary>The <see cref="FaxProtocolException"/> for a body that cannot be read, worded as the serialiser-based
    /// reader worded it: where and what was expected for JSON of the wrong shape.</summary>
    private static FaxProtocolException Unreadable(Exception exception, ReadOnlySpan<byte> content) =>
        FaxJson.ReadFailure(exception, content, ProviderId, PantareyStatusParser.ExpectedShape);
}
