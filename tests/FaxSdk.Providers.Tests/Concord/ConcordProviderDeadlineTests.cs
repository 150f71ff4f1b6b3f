using System.Net;
using FaxSdk.Concord;

namespace FaxSdk.Providers.Tests.Concord;

/// <summary>The provider reads the answer under the call's token, so a wait's deadline also ends the parsing.</summary>
public class ConcordProviderDeadlineTests
{
    [Fact]
    public async Task A_deadline_that_passes_after_the_body_arrived_ends_the_parsing()
    {
        using var deadline = new CancellationTokenSource();
        var body = Fixture.Bytes("concord", "soap-mixed.xml");
        using var client = new HttpClient(new AnswerThenCancel(body, deadline));
        var provider = new ConcordStatusProvider(client, new ConcordOptions
        {
            BaseAddress = new Uri("http://127.0.0.1:9/fax/v5"),
            UserId = "mbx1",
            AccessToken = "token-123",
            Transport = ConcordTransport.Soap,
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => provider.GetStatusAsync(new FaxJobReference("concord", "br0000000001"), deadline.Token));
    }

    [Fact]
    public async Task A_token_or_pin_echoed_in_a_return_false_answer_is_redacted()
    {
        var answer = """{"GetFaxStatusResponse":{"return":false,"WSError":{"ErrorCode":-1002,"ErrorString":"Invalid token tok-4f9d0c2e-secret or PIN 98765"}}}"""u8.ToArray();
        using var client = new HttpClient(new AnswerThenCancel(answer, null));
        var provider = new ConcordStatusProvider(client, new ConcordOptions
        {
            BaseAddress = new Uri("http://127.0.0.1:9/fax/v5"),
            UserId = "mbx1",
            AccessTokenProvider = _ => ValueTask.FromResult("tok-4f9d0c2e-secret"),
            Pin = "98765",
        });

        var error = await Assert.ThrowsAsync<ConcordServiceException>(() => provider.GetStatusAsync(new FaxJobReference("concord", "br1")));

        Assert.DoesNotContain("tok-4f9d0c2e-secret", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("tok-4f9d0c2e-secret", error.ErrorString, StringComparison.Ordinal);
        Assert.DoesNotContain("98765", error.Message, StringComparison.Ordinal);
        Assert.Equal(-1002, error.ErrorCode);
    }

    private sealed class AnswerThenCancel(byte[] body, CancellationTokenSource? cancel) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            // The deadline passes the moment the whole body has been read: only the parsing is left to stop.
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new CancelAtEnd(body, cancel)) };
            return Task.FromResult(response);
        }
    }

    private sealed class CancelAtEnd(byte[] body, CancellationTokenSource? cancel) : MemoryStream(body, writable: false)
    {
        public override int Read(byte[] buffer, int offset, int count) => AtEnd(base.Read(buffer, offset, count));

        public override int Read(Span<byte> buffer) => AtEnd(base.Read(buffer));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(AtEnd(base.Read(buffer.Span)));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(AtEnd(base.Read(buffer, offset, count)));

        private int AtEnd(int read)
        {
            if (read == 0)
            {
                cancel?.Cancel();
            }

            return read;
        }
    }
}
