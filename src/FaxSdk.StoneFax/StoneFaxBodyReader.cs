using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using FaxSdk.Transport;

namespace FaxSdk.StoneFax;

/// <summary>
/// Reads a StoneFax body once with a <see cref="Utf8JsonReader"/>, straight into statuses. It accepts exactly what the
/// serialiser-based reader accepted (member names case-insensitive, unknown members skipped, a member given twice keeps
/// its last value, every known member type-checked at every level, <c>fax</c> and <c>faxList</c> nested in each
/// other included) and refuses the rest with a <see cref="FaxProtocolException"/>.
/// </summary>
/// <remarks>
/// <para>
/// Bounds: every object of the body counts against <see cref="FaxPayloadLimits.MaxObjectsPerBody"/> through a
/// <see cref="FaxJsonBudget"/>, the ones inside members that are only checked or skipped included; a skipped array is
/// held to <see cref="FaxPayloadLimits.MaxArrayLength"/> elements. <c>recipient</c> and <c>faxList</c> arrays keep their
/// own bounds (<see cref="StoneFaxStatusParser.MaxRecipients"/>, <see cref="StoneFaxStatusParser.MaxFaxes"/>), which
/// count the items that are not <see langword="null"/>, as the serialiser-based reader did.
/// </para>
/// <para>
/// Which faxes are kept: the root, its <c>fax</c> (a wrapped body) and, for a list, the items of its <c>faxList</c>.
/// Deeper <c>fax</c>/<c>faxList</c> members are only checked. Whether the body is a list, a wrapped fax or a bare one
/// is known only at its end (members come in any order), so each kept fax is turned into a status when its object
/// ends, and the choice is made last.
/// </para>
/// </remarks>
internal ref struct StoneFaxBodyReader
{
    private const string ProviderId = StoneFaxStatusParser.ProviderId;

    private Utf8JsonReader _reader;
    private readonly TimeZoneInfo _zone;
    private readonly bool _keepList;
    private StoneFaxRecipientFields[]? _recipients;
    private int _used;
    private StoneFaxStatusParser.Built _wrapped;
    private FaxJobStatus[]? _items;
    private int _itemCount;
    private string? _itemError;
    private FaxJsonBudget _budget;

    private StoneFaxBodyReader(ReadOnlySpan<byte> content, TimeZoneInfo zone, bool keepList)
    {
        _reader = new Utf8JsonReader(content, FaxJson.ReaderOptions);
        _zone = zone;
        _keepList = keepList;
        _budget = new FaxJsonBudget(ProviderId);
    }

    /// <summary>How a fax object is read: kept (the root; its <c>fax</c>; list items when a list is asked for) or only checked.</summary>
    private enum Level
    {
        Root,
        Kept,
        Checked,
    }

    /// <summary>Reads a body.</summary>
    /// <param name="body">The response body.</param>
    /// <param name="zone">The zone of times without an offset.</param>
    /// <param name="list">Whether the caller reads a list (<see cref="StoneFaxStatusParser.ParseList"/>).</param>
    /// <returns>One status (<c>Single</c>), or the list's statuses (<c>List</c>) when the body is a list and <paramref name="list"/> is set.</returns>
    public static (FaxJobStatus? Single, FaxJobStatus[]? List) Read(ReadOnlySpan<byte> body, TimeZoneInfo zone, bool list)
    {
        var content = FaxJson.ContentOf(body, ProviderId);
        var reader = new StoneFaxBodyReader(content, zone, list);
        try
        {
            return reader.ReadBody();
        }
        catch (Exception exception) when (FaxJson.IsReadFailure(exception))
        {
            throw FaxJson.ReadFailure(exception, content, ProviderId);
        }
        finally
        {
            reader.ReturnBuffers();
        }
    }

    private (FaxJobStatus? Single, FaxJobStatus[]? List) ReadBody()
    {
        _reader.Read();
        if (_reader.TokenType == JsonTokenType.Null)
        {
            EnsureEnd();
            throw new FaxProtocolException(ProviderId, $"{ProviderId}: the response JSON is null.");
        }

        var root = default(StoneFaxFaxFields);
        ReadFax(ref root, Level.Root);
        EnsureEnd();

        if (root.HasFaxList && !root.HasFax && root.FaxId is null)
        {
            if (!_keepList)
            {
                throw new FaxProtocolException(ProviderId, $"{ProviderId}: the body is an outbound fax list (\"faxList\"), not one fax's details: read it with ParseList.");
            }

            return _itemError is not null
                ? throw new FaxProtocolException(ProviderId, _itemError)
                : (null, _itemCount == 0 ? [] : _items.AsSpan(0, _itemCount).ToArray());
        }

        var built = root.HasFax ? _wrapped : Build(ref root);
        return (built.Status ?? throw new FaxProtocolException(ProviderId, built.Error!), null);
    }

    /// <summary>Reads a fax object (the reader is on its <see cref="JsonTokenType.StartObject"/>, or must be).</summary>
    private void ReadFax(ref StoneFaxFaxFields fax, Level level)
    {
        Expect(JsonTokenType.StartObject, "an outbound fax object");
        _budget.CountObject();
        while (_reader.Read() && _reader.TokenType == JsonTokenType.PropertyName)
        {
            switch (StoneFaxMembers.OfFax(ref _reader))
            {
                case StoneFaxMember.FaxId: fax.FaxId = Text(level); break;
                case StoneFaxMember.Status: ReadStatus(ref fax, level); break;
                case StoneFaxMember.DetailedStatus: fax.DetailedStatus = Text(level); break;
                case StoneFaxMember.FailureReason: fax.FailureReason = Text(level); break;
                case StoneFaxMember.NumberOfPages: fax.Pages = Int32(); break;
                case StoneFaxMember.Q931Code: fax.Q931Code = Int32(); break;
                case StoneFaxMember.SubmitTime: fax.SubmitTime = Time(level, out fax.HasSubmitTime); break;
                case StoneFaxMember.Date: fax.Date = Time(level, out _); break;
                case StoneFaxMember.StartTime: fax.StartTime = Time(level, out _); break;
                case StoneFaxMember.EndTime: fax.EndTime = Time(level, out _); break;
                case StoneFaxMember.Username or StoneFaxMember.Subject: Text(Level.Checked); break;
                case StoneFaxMember.Recipient: ReadRecipients(ref fax, level); break;
                case StoneFaxMember.Fax: ReadWrapped(ref fax, level); break;
                case StoneFaxMember.FaxList: ReadList(ref fax, level); break;
                default: _budget.Skip(ref _reader); break;
            }
        }
    }

    private void ReadStatus(ref StoneFaxFaxFields fax, Level level)
    {
        _reader.Read();
        if (_reader.TokenType != JsonTokenType.String || level == Level.Checked)
        {
            fax.Status = Text(Level.Checked, read: false);
            fax.Wire = StoneFaxStatus.Unknown;
            return;
        }

        if (_reader.ValueIsEscaped)
        {
            fax.Status = _reader.GetString()!;
            fax.Wire = StoneFaxStatusMap.Parse(fax.Status);
            return;
        }

        // The usual spelling ("Completed") is the generated constant: reuse it rather than allocate a copy.
        var raw = _reader.ValueSpan;
        fax.Wire = StoneFaxStatusMap.ParseUtf8(raw);
        var wire = fax.Wire.ToWire();
        fax.Status = fax.Wire != StoneFaxStatus.Unknown && Ascii.Equals(raw, wire) ? wire : _reader.GetString()!;
    }

    /// <summary>
    /// <c>recipient</c>: one object or an array of them (<see langword="null"/> items skipped), at most
    /// <see cref="StoneFaxStatusParser.MaxRecipients"/>; each recipient object counts against the body's object budget.
    /// </summary>
    /// <remarks>
    /// The array's own bound counts the items that are not <see langword="null"/>, with its own message, as the
    /// serialiser-based reader did: not <see cref="FaxJsonBudget.CountElement(ref int, string?)"/>, which would count
    /// the <see langword="null"/> items too and word the refusal differently.
    /// </remarks>
    private void ReadRecipients(ref StoneFaxFaxFields fax, Level level)
    {
        _reader.Read();
        var keep = level != Level.Checked;
        if (keep && fax.HasRecipient && fax.RecipientStart + fax.RecipientCount == _used)
        {
            _used = fax.RecipientStart; // the member came before: this one replaces it
        }

        fax.HasRecipient = _reader.TokenType != JsonTokenType.Null;
        fax.RecipientStart = _used;
        fax.RecipientCount = 0;
        switch (_reader.TokenType)
        {
            case JsonTokenType.Null:
                return;
            case JsonTokenType.StartObject:
                ReadRecipient(ref fax, keep);
                return;
            case JsonTokenType.StartArray:
                var count = 0;
                while (_reader.Read() && _reader.TokenType != JsonTokenType.EndArray)
                {
                    if (_reader.TokenType == JsonTokenType.Null)
                    {
                        continue;
                    }

                    if (count++ == StoneFaxStatusParser.MaxRecipients)
                    {
                        throw TooMany();
                    }

                    ReadRecipient(ref fax, keep);
                }

                return;
            default:
                throw new JsonException("Expected \"recipient\" to be an object or an array.");
        }
    }

    private void ReadRecipient(ref StoneFaxFaxFields fax, bool keep)
    {
        Expect(JsonTokenType.StartObject, "a recipient object");
        _budget.CountObject();
        var level = keep ? Level.Kept : Level.Checked;
        string? name = null, number = null;
        while (_reader.Read() && _reader.TokenType == JsonTokenType.PropertyName)
        {
            switch (StoneFaxMembers.OfRecipient(ref _reader))
            {
                case StoneFaxMember.Name: name = Text(level); break;
                case StoneFaxMember.FaxNumber: number = Text(level); break;
                default: _budget.Skip(ref _reader); break;
            }
        }

        if (keep)
        {
            Append(new StoneFaxRecipientFields(name, number));
            fax.RecipientCount++;
        }
    }

    /// <summary><c>fax</c>: the wrapped fax. Only the root's is kept (turned into a status as it ends); deeper ones are checked.</summary>
    private void ReadWrapped(ref StoneFaxFaxFields fax, Level level)
    {
        _reader.Read();
        fax.HasFax = _reader.TokenType != JsonTokenType.Null;
        if (!fax.HasFax)
        {
            return;
        }

        if (level != Level.Root)
        {
            var ignored = default(StoneFaxFaxFields);
            ReadFax(ref ignored, Level.Checked);
            return;
        }

        var mark = _used;
        var wrapped = default(StoneFaxFaxFields);
        ReadFax(ref wrapped, Level.Kept);
        _wrapped = Build(ref wrapped);
        _used = mark;
    }

    /// <summary>
    /// <c>faxList</c>: <see langword="null"/> items skipped, at most <see cref="StoneFaxStatusParser.MaxFaxes"/> (counted
    /// as for <c>recipient</c>); the root's items are kept when a list is asked for. Every item, kept or only checked,
    /// and everything in it counts against the body's object budget, so a list of many items that each stay under
    /// <see cref="StoneFaxStatusParser.MaxRecipients"/> is refused once the body holds more than
    /// <see cref="FaxPayloadLimits.MaxObjectsPerBody"/> objects.
    /// </summary>
    private void ReadList(ref StoneFaxFaxFields fax, Level level)
    {
        _reader.Read();
        fax.HasFaxList = _reader.TokenType != JsonTokenType.Null;
        if (!fax.HasFaxList)
        {
            return;
        }

        if (_reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("Expected \"faxList\" to be an array.");
        }

        var keep = level == Level.Root && _keepList;
        if (keep)
        {
            _itemCount = 0;
            _itemError = null;
        }

        var count = 0;
        while (_reader.Read() && _reader.TokenType != JsonTokenType.EndArray)
        {
            if (_reader.TokenType == JsonTokenType.Null)
            {
                continue;
            }

            if (count++ == StoneFaxStatusParser.MaxFaxes)
            {
                throw TooMany();
            }

            var item = default(StoneFaxFaxFields);
            if (!keep)
            {
                ReadFax(ref item, Level.Checked);
                continue;
            }

            var mark = _used;
            ReadFax(ref item, Level.Kept);
            var built = Build(ref item);
            _used = mark;
            if (built.Status is null)
            {
                _itemError ??= built.Error; // the first item without a faxId is the one reported
            }
            else
            {
                AppendItem(built.Status);
            }
        }
    }

    private readonly StoneFaxStatusParser.Built Build(ref StoneFaxFaxFields fax) =>
        StoneFaxStatusParser.ToStatus(in fax, _recipients.AsSpan(fax.RecipientStart, fax.RecipientCount));

    /// <summary>A <c>string</c> member: the text, or <see langword="null"/>; only checked (never allocated) when not kept.</summary>
    private string? Text(Level level, bool read = true)
    {
        if (read)
        {
            _reader.Read();
        }

        switch (_reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String when level != Level.Checked:
                return _reader.GetString();
            case JsonTokenType.String:
                CheckText();
                return null;
            default:
                throw new JsonException($"Expected a string or null, not {_reader.TokenType}.");
        }
    }

    /// <summary>Fails as <see cref="Utf8JsonReader.GetString"/> would (invalid UTF-8, a lone surrogate), without the string.</summary>
    private void CheckText()
    {
        if (_reader.ValueIsEscaped)
        {
            _ = _reader.GetString();
        }
        else if (!Utf8.IsValid(_reader.ValueSpan))
        {
            throw new InvalidOperationException("The JSON string is not valid UTF-8.");
        }
    }

    /// <summary>An <c>int?</c> member: a JSON number that fits an <see cref="int"/>, or <see langword="null"/>.</summary>
    private int? Int32()
    {
        _reader.Read();
        return _reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.Number when _reader.TryGetInt32(out var value) => value,
            _ => throw new JsonException($"Expected a 32-bit integer or null, not {_reader.TokenType}."),
        };
    }

    /// <summary>A timestamp member (a string): read with <see cref="FaxTimestamps"/> from the bytes, unreadable is <see langword="null"/>.</summary>
    private DateTimeOffset? Time(Level level, out bool present)
    {
        _reader.Read();
        present = _reader.TokenType == JsonTokenType.String;
        if (!present || level == Level.Checked)
        {
            Text(Level.Checked, read: false);
            return null;
        }

        if (_reader.ValueIsEscaped)
        {
            return FaxTimestamps.Parse(_reader.GetString(), _zone);
        }

        // A time that reads is valid UTF-8 (ASCII on the fast path, strictly decoded otherwise): only a null one is checked.
        var time = FaxTimestamps.Parse(_reader.ValueSpan, _zone);
        if (time is null)
        {
            CheckText();
        }

        return time;
    }

    private readonly void Expect(JsonTokenType token, string what)
    {
        if (_reader.TokenType != token)
        {
            throw new JsonException($"Expected {what}, not {_reader.TokenType}.");
        }
    }

    /// <summary>Nothing may follow the root value (the reader throws on a second value).</summary>
    private void EnsureEnd()
    {
        if (_reader.Read())
        {
            throw new JsonException("Expected the end of the body after its root value.");
        }
    }

    private static FaxProtocolException TooMany() =>
        new(ProviderId, $"{ProviderId}: the body lists more than {StoneFaxStatusParser.MaxRecipients} recipients or faxes.");

    private void Append(StoneFaxRecipientFields recipient)
    {
        Grow(ref _recipients, _used);
        _recipients![_used++] = recipient;
    }

    private void AppendItem(FaxJobStatus status)
    {
        Grow(ref _items, _itemCount);
        _items![_itemCount++] = status;
    }

    private static void Grow<T>(ref T[]? buffer, int used)
    {
        if (buffer is not null && used < buffer.Length)
        {
            return;
        }

        var bigger = ArrayPool<T>.Shared.Rent(buffer is null ? 8 : buffer.Length * 2);
        if (buffer is not null)
        {
            buffer.AsSpan(0, used).CopyTo(bigger);
            ArrayPool<T>.Shared.Return(buffer, clearArray: true);
        }

        buffer = bigger;
    }

    private readonly void ReturnBuffers()
    {
        if (_recipients is not null)
        {
            ArrayPool<StoneFaxRecipientFields>.Shared.Return(_recipients, clearArray: true);
        }

        if (_items is not null)
        {
            ArrayPool<FaxJobStatus>.Shared.Return(_items, clearArray: true);
        }
    }
}
