namespace FaxSdk.Benchmarks;

/// <summary>
/// The allocation reference for the parsers: a deep copy of what a parser returned, so that the copy's
/// <c>Allocated</c> is the size of the returned objects and "parser allocation &lt;= returned objects + 10 %" can be
/// read in one table. It copies the <see cref="FaxJobStatus"/>, <see cref="FaxRecipientStatus"/> and
/// <see cref="FaxError"/> records, every list as a new array of exact length, and every string the parser allocated.
/// </summary>
/// <remarks>
/// What the parser allocated is decided by parsing the same body twice: an object (string, record or list) that is
/// the same reference in both results is shared (a literal, an interned or cached constant such as a generated
/// <c>ToWire()</c> spelling, <c>Array.Empty</c>) and is not copied; everything else is. This is stricter than
/// <c>string.IsInterned(s) is null</c>, which looks strings up by value and so would skip a freshly allocated
/// <c>"OK"</c> or <c>"Busy"</c> whenever any loaded code has that literal. Objects shared within one result (a
/// recipient's <see cref="FaxError"/> that is also the job's, a status string used twice) are copied once. The copy
/// uses an identity map sized in advance and cleared per call, so the copy itself allocates nothing else; its time is
/// not a measure of anything.
/// </remarks>
internal sealed class ReturnedObjects
{
    private readonly object _result;
    private readonly HashSet<object> _fresh = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<object, object> _copies;

    private ReturnedObjects(object first, object second)
    {
        _result = first;
        Mark(first, second);
        _copies = new Dictionary<object, object>(_fresh.Count, ReferenceEqualityComparer.Instance);
    }

    /// <summary>Parses twice with <paramref name="parse"/> (a single status or a list of them), prepares the copy and
    /// checks that a copy equals the result.</summary>
    public static ReturnedObjects Of(Func<object> parse)
    {
        var returned = new ReturnedObjects(parse(), parse());
        var copy = returned.Copy();
        var equal = (copy, returned._result) switch
        {
            (FaxJobStatus a, FaxJobStatus b) => a.Equals(b),
            (IReadOnlyList<FaxJobStatus> a, IReadOnlyList<FaxJobStatus> b) => a.SequenceEqual(b),
            _ => false,
        };
        return equal ? returned : throw new InvalidOperationException("The deep copy differs from the parser's result.");
    }

    /// <summary>A deep copy of the parser's result: new instances of everything the parser allocated.</summary>
    public object Copy()
    {
        _copies.Clear();
        return _result is FaxJobStatus status ? Status(status) : Statuses((IReadOnlyList<FaxJobStatus>)_result);
    }

    private void Mark(object? a, object? b)
    {
        if (a is null || ReferenceEquals(a, b) || !_fresh.Add(a))
        {
            return;
        }

        switch (a)
        {
            case FaxJobStatus s when b is FaxJobStatus t:
                Mark(s.Provider, t.Provider);
                Mark(s.JobId, t.JobId);
                Mark(s.ProviderStatus, t.ProviderStatus);
                Mark(s.Detail, t.Detail);
                Mark(s.Error, t.Error);
                Mark(s.Recipients, t.Recipients);
                break;
            case FaxRecipientStatus s when b is FaxRecipientStatus t:
                Mark(s.FaxNumber, t.FaxNumber);
                Mark(s.Name, t.Name);
                Mark(s.ProviderStatus, t.ProviderStatus);
                Mark(s.RemoteCsid, t.RemoteCsid);
                Mark(s.Error, t.Error);
                break;
            case FaxError s when b is FaxError t:
                Mark(s.Code, t.Code);
                Mark(s.Message, t.Message);
                break;
            case IReadOnlyList<FaxJobStatus> s when b is IReadOnlyList<FaxJobStatus> t && s.Count == t.Count:
                for (var i = 0; i < s.Count; i++)
                {
                    Mark(s[i], t[i]);
                }

                break;
            case IReadOnlyList<FaxRecipientStatus> s when b is IReadOnlyList<FaxRecipientStatus> t && s.Count == t.Count:
                for (var i = 0; i < s.Count; i++)
                {
                    Mark(s[i], t[i]);
                }

                break;
            case string:
                break;
            default:
                throw new InvalidOperationException($"The two parses differ in shape at a {a.GetType().Name}: the parser is not deterministic.");
        }
    }

    private T? Fresh<T>(T? value, Func<ReturnedObjects, T, T> copy)
        where T : class
    {
        if (value is null || !_fresh.Contains(value))
        {
            return value;
        }

        if (_copies.TryGetValue(value, out var done))
        {
            return (T)done;
        }

        var copied = copy(this, value);
        _copies.Add(value, copied);
        return copied;
    }

    private string? Text(string? value) => Fresh(value, static (_, s) => new string(s.AsSpan()));

    private FaxError? Error(FaxError? value) => Fresh(value, static (self, e) => new FaxError(e.Category, self.Text(e.Code), self.Text(e.Message)));

    private FaxJobStatus Status(FaxJobStatus value) => Fresh(value, static (self, s) => new FaxJobStatus
    {
        Provider = self.Text(s.Provider)!,
        JobId = self.Text(s.JobId)!,
        State = s.State,
        ProviderStatus = self.Text(s.ProviderStatus),
        Detail = self.Text(s.Detail),
        Pages = s.Pages,
        IsTest = s.IsTest,
        SubmittedAt = s.SubmittedAt,
        StartedAt = s.StartedAt,
        CompletedAt = s.CompletedAt,
        Error = self.Error(s.Error),
        Recipients = self.Recipients(s.Recipients),
    })!;

    private IReadOnlyList<FaxJobStatus> Statuses(IReadOnlyList<FaxJobStatus> value) =>
        Fresh(value, static (self, list) => self.ExactArray(list, static (s, status) => s.Status(status)))!;

    private IReadOnlyList<FaxRecipientStatus> Recipients(IReadOnlyList<FaxRecipientStatus> value) =>
        Fresh(value, static (self, list) => self.ExactArray(list, static (s, recipient) => s.Recipient(recipient)))!;

    private T[] ExactArray<T>(IReadOnlyList<T> list, Func<ReturnedObjects, T, T> copyItem)
    {
        var copy = new T[list.Count];
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = copyItem(this, list[i]);
        }

        return copy;
    }

    private FaxRecipientStatus Recipient(FaxRecipientStatus value) => Fresh(value, static (self, r) => new FaxRecipientStatus
    {
        FaxNumber = self.Text(r.FaxNumber)!,
        Name = self.Text(r.Name),
        State = r.State,
        ProviderStatus = self.Text(r.ProviderStatus),
        Attempts = r.Attempts,
        CompletedAt = r.CompletedAt,
        CallDuration = r.CallDuration,
        RemoteCsid = self.Text(r.RemoteCsid),
        Error = self.Error(r.Error),
    })!;
}
