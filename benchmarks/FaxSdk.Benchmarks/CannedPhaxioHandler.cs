using System.Globalization;
using System.Net;
using System.Text;

namespace FaxSdk.Benchmarks;

/// <summary>
/// Answers every Phaxio <c>GET faxes/{id}</c> with the canned <c>partialsuccess.json</c> fixture, its id replaced by the
/// one asked for (the provider refuses another fax's status). Bodies of ids below <c>precomputed</c> are built once, so
/// the handler costs the same lookup on every path measured; others are built per request (one array, as a transport
/// would allocate anyway).
/// </summary>
internal sealed class CannedPhaxioHandler : HttpMessageHandler
{
    private const string FixtureId = "\"id\": 123456";
    private readonly byte[] _prefix;
    private readonly byte[] _suffix;
    private readonly byte[][] _bodies;

    public CannedPhaxioHandler(int precomputed = 0)
    {
        var template = Encoding.UTF8.GetString(Payloads.Fixture("phaxio", "partialsuccess.json"));
        var at = template.IndexOf(FixtureId, StringComparison.Ordinal);
        _prefix = Encoding.UTF8.GetBytes(template[..at] + "\"id\": ");
        _suffix = Encoding.UTF8.GetBytes(template[(at + FixtureId.Length)..]);
        _bodies = new byte[precomputed][];
        for (var i = 0; i < precomputed; i++)
        {
            _bodies[i] = Body(i);
        }
    }

    /// <summary>The jobs the handler answers: <c>phaxio</c> ids 0 to count-1.</summary>
    public static FaxJobReference[] Jobs(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new FaxJobReference("phaxio", i.ToString(CultureInfo.InvariantCulture)))];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var id = int.Parse(request.RequestUri!.Segments[^1], NumberStyles.None, CultureInfo.InvariantCulture);
        var body = id < _bodies.Length ? _bodies[id] : Body(id);
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(body) });
    }

    private byte[] Body(int id)
    {
        Span<byte> digits = stackalloc byte[11];
        id.TryFormat(digits, out var length, provider: CultureInfo.InvariantCulture);
        var body = new byte[_prefix.Length + length + _suffix.Length];
        _prefix.CopyTo(body, 0);
        digits[..length].CopyTo(body.AsSpan(_prefix.Length));
        _suffix.CopyTo(body, _prefix.Length + length);
        return body;
    }
}
