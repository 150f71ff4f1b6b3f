using System.Net;
using FaxSdk.Transport;

namespace FaxSdk.Tests.Transport;

/// <summary>A server that echoes the configured secrets back must not get them into exceptions.</summary>
public class SecretRedactionTests
{
    private const string Key = "key-4f9d0c2e";
    private const string Secret = "s3cr3t/Value+42";

    [Fact]
    public async Task Echoed_secrets_leave_no_trace_in_message_excerpt_request_id_or_error_code()
    {
        var handler = new FakeHandler(_ =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.Unauthorized)
            {
                ReasonPhrase = $"Bad key {Key}",
                Content = new StringContent($"Sorry {Key}:{Secret} ({Uri.EscapeDataString(Secret)}) is not valid"),
            };
            response.Headers.TryAddWithoutValidation("X-Request-Id", Secret);
            return response;
        });
        var provider = new EchoProvider(new HttpClient(handler), new EchoOptions { BaseAddress = new Uri("https://api.example.com/"), Key = Key, Secret = Secret });

        var error = await Assert.ThrowsAsync<FaxAuthenticationException>(() => provider.GetStatusAsync(new FaxJobReference("echo", "1")));

        foreach (var text in new[] { error.Message, error.ResponseExcerpt, error.RequestId, error.ToString() })
        {
            Assert.DoesNotContain(Key, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Uri.EscapeDataString(Secret), text, StringComparison.Ordinal);
        }

        Assert.Contains("***", error.Message, StringComparison.Ordinal);
        Assert.Equal("***", error.RequestId);
    }

    [Fact]
    public async Task The_client_redacts_a_parser_error_that_quotes_the_secret()
    {
        var handler = new FakeHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("x") });
        var provider = new EchoProvider(new HttpClient(handler), new EchoOptions { BaseAddress = new Uri("https://api.example.com/"), Key = Key, Secret = Secret })
        {
            Parse = _ => throw new FaxProtocolException("echo", $"echo: success=false: invalid api_secret {Secret}") { ProviderErrorCode = Key },
        };
        var client = new FaxStatusClient(new Client.StaticResolver(provider));

        var error = await Assert.ThrowsAsync<FaxProtocolException>(() => client.GetStatusAsync(new FaxJobReference("echo", "1")));

        Assert.DoesNotContain(Secret, error.Message, StringComparison.Ordinal);
        Assert.Equal("***", error.ProviderErrorCode);
    }

    [Fact]
    public void Messages_are_bounded_and_control_characters_escaped()
    {
        var error = new FaxProtocolException("p", "p: " + new string('x', 10_000) + "\u001b[31m");

        Assert.True(error.Message.Length <= FaxSdkException.MaxMessageLength + 1);
        Assert.EndsWith("…", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', new FaxProtocolException("p", "bad \u001b[31m red\nline").Message);
    }

    [Fact]
    public void A_secret_cut_by_the_excerpt_bound_is_masked_too()
    {
        var error = new FaxProtocolException("p", "p: broken") { ResponseExcerpt = new string('a', 250) + Secret };

        error.RedactSecrets([Secret]);

        Assert.DoesNotContain(Secret[..5], error.ResponseExcerpt, StringComparison.Ordinal);
    }

    private sealed class EchoOptions : FaxProviderOptions
    {
        public string Key { get; set; } = "";

        public string Secret { get; set; } = "";

        public override IEnumerable<string?> GetSecretValues() => [Key, Secret];
    }

    private sealed class EchoProvider(HttpClient client, EchoOptions options) : FaxHttpStatusProvider<EchoOptions>("echo", client, options, FaxJobReference.DefaultInstance)
    {
        public Func<byte[], FaxJobStatus>? Parse { get; init; }

        public override async Task<FaxJobStatus> GetStatusAsync(FaxJobReference job, CancellationToken cancellationToken = default)
        {
            var body = await SendAsync(new HttpRequestMessage(HttpMethod.Get, FaxUri.Combine(Options.BaseAddress!, "faxes", FaxUri.EscapePathSegment(job.JobId))), job.JobId, cancellationToken);
            return Parse?.Invoke(body) ?? new FaxJobStatus { Provider = "echo", JobId = job.JobId };
        }
    }
}
