using System.Net;
using FaxSdk.Phaxio;

namespace FaxSdk.Tests.Transport;

public class StalledBodyTests
{
    [Fact]
    public async Task A_body_that_stalls_after_the_headers_ends_in_a_typed_timeout_not_a_hang()
    {
        using var http = new HttpClient(new StallingHandler()) { Timeout = Timeout.InfiniteTimeSpan };
        var options = new PhaxioOptions
        {
            BaseAddress = new Uri("https://api.phaxio.test/v2.1/"),
            ApiKey = "key",
            ApiSecret = "secret",
            Timeout = TimeSpan.FromMilliseconds(200),
        };
        options.Resilience.Enabled = false;
        var provider = new PhaxioStatusProvider(http, options);

        var error = await Assert.ThrowsAsync<FaxProviderUnavailableException>(() => provider.GetStatusAsync(new FaxJobReference("phaxio", "1")).WaitAsync(TimeSpan.FromSeconds(20)));

        Assert.Contains("while reading the response", error.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
    }

    [Fact]
    public async Task The_callers_cancellation_during_a_stalled_body_stays_a_cancellation()
    {
        using var http = new HttpClient(new StallingHandler()) { Timeout = Timeout.InfiniteTimeSpan };
        var provider = new PhaxioStatusProvider(http, new PhaxioOptions { BaseAddress = new Uri("https://api.phaxio.test/v2.1/"), ApiKey = "key", ApiSecret = "secret" });
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => provider.GetStatusAsync(new FaxJobReference("phaxio", "1"), cancellation.Token).WaitAsync(TimeSpan.FromSeconds(20)));
    }

    private sealed class StallingHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new StallingStream()) });
    }

    /// <summary>Sends a few bytes, then nothing, until cancelled.</summary>
    private sealed class StallingStream : Stream
    {
        private bool _sentPrefix;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (!_sentPrefix)
            {
                _sentPrefix = true;
                buffer.Span[0] = (byte)'{';
                return 1;
            }

            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
