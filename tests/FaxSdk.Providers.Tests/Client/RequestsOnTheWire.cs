using System.Net;

namespace FaxSdk.Providers.Tests.Client;

/// <summary>
/// Counts the requests the clients have on the wire: sent, and their answer not read and disposed yet. It is the
/// innermost handler of every client, so a retry's wait is not counted. A test moves a fake clock only while none is,
/// so virtual time never outruns loopback I/O (and a per-attempt timeout on that clock never fires because of it).
/// </summary>
internal sealed class RequestsOnTheWire
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public DelegatingHandler CreateHandler() => new Counting(this);

    private void Done() => Interlocked.Decrement(ref _count);

    private sealed class Counting(RequestsOnTheWire owner) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref owner._count);
            HttpResponseMessage response;
            try
            {
                response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                owner.Done();
                throw;
            }

            // Still on the wire while the body is read: done when the answer is disposed.
            response.Content = new CountedContent(response.Content, owner);
            return response;
        }
    }

    private sealed class CountedContent : HttpContent
    {
        private readonly HttpContent _inner;
        private readonly RequestsOnTheWire _owner;
        private int _disposed;

        public CountedContent(HttpContent inner, RequestsOnTheWire owner)
        {
            _inner = inner;
            _owner = owner;
            foreach (var header in inner.Headers)
            {
                Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => _inner.CopyToAsync(stream);

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
            _inner.CopyToAsync(stream, cancellationToken);

        protected override Task<Stream> CreateContentReadStreamAsync() => _inner.ReadAsStreamAsync();

        protected override Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) => _inner.ReadAsStreamAsync(cancellationToken);

        protected override bool TryComputeLength(out long length)
        {
            length = _inner.Headers.ContentLength ?? -1;
            return length >= 0;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                _inner.Dispose();
                _owner.Done();
            }

            base.Dispose(disposing);
        }
    }
}
