using System.Text;
using FaxSdk.Phaxio;
using FsCheck;
using FsCheck.Xunit;

namespace FaxSdk.Providers.Tests.Phaxio;

/// <summary>
/// <c>X-Phaxio-Signature</c>: the test vectors of WEBHOOKS.md 2.4 (V1-V3 from phaxio-ruby's specs; V4-V6 computed
/// independently with Python's hmac/hashlib over the fixtures), the failure reasons, and properties of the recipe.
/// </summary>
public class PhaxioWebhookSignatureTests
{
    private const string Token = "phaxio-webhook-token-4";

    private static readonly Uri Example = new("example.com", UriKind.Relative);

    private static FaxWebhookForm Form(params (string Name, string Value)[] fields) =>
        new() { Fields = [.. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))] };

    private static FaxWebhookFile File(string name, string content) => new() { Name = name, Content = Encoding.UTF8.GetBytes(content) };

    public static TheoryData<string, string, string> RubyVectors() => new()
    {
        { "V1", "test-webhook-token", "64a735ef0c47a0ae671e381c046648f0966deb29" },
        { "V3", "1234567890", "15adeecb7eca79676ece07ee4bc1bbba2c69eddd" },
    };

    [Theory]
    [MemberData(nameof(RubyVectors))]
    public void Ruby_gem_vectors_without_files(string vector, string token, string expected)
    {
        var form = Form(("test", "true"));

        Assert.True(expected == PhaxioWebhookSignature.Compute(token, "example.com", form), vector);
        Assert.True(PhaxioWebhookSignature.Verify(expected, "example.com", form, [token]).Succeeded, vector);
    }

    [Fact]
    public void Vector_V2_two_empty_file_parts_named_file()
    {
        var form = new FaxWebhookForm { Fields = [new("test", "true")], Files = [File("file", ""), File("file", "")] };

        Assert.Equal("1d2426c242a8c5de7eb1d9b662b7fda1d0b6edab", PhaxioWebhookSignature.Compute("test-webhook-token", "example.com", form));
    }

    [Fact]
    public void Vector_V4_the_documented_fax_completed_example_through_the_receiver()
    {
        var request = WebhookForms.Request(WebhookForms.Load("fax-completed.multipart"), WebhookForms.ExampleUrl, "955cc174178080d82b6990ae59b47c14d6b438c1");
        var receiver = new PhaxioWebhookReceiver(new PhaxioWebhookOptions { Enabled = true, Token = Token });

        Assert.True(receiver.Authenticate(request).Succeeded);
    }

    [Fact]
    public void Vector_V5_a_file_part_is_signed_with_the_sha1_hex_of_its_content()
    {
        var form = WebhookForms.Load("received-fax.multipart");

        Assert.Single(form.Files);
        Assert.Equal("3c974c0cf407f5b3445110217fb012984a1a525d", PhaxioWebhookSignature.Compute(Token, WebhookForms.ExampleUrl.OriginalString, form));
    }

    [Fact]
    public void Vector_V6_utf8_text_ordinal_sort_and_files_sorted_by_name()
    {
        var form = new FaxWebhookForm
        {
            Fields = [new("zeta", "Ω"), new("event_type", "fax_completed"), new("Alpha", "é x"), new("alpha", "2")],
            Files = [File("b", "second"), File("a", "first")],
        };

        Assert.Equal("277cf3efd3eb51520a4847fd1b90593eb9981505", PhaxioWebhookSignature.Compute("töken-ü", "https://hooks.example.com/faxsdk/phaxio/eu/", form));
    }

    [Fact]
    public void Upper_case_hex_and_surrounding_spaces_are_accepted()
    {
        var form = Form(("test", "true"));

        Assert.True(PhaxioWebhookSignature.Verify(" 64A735EF0C47A0AE671E381C046648F0966DEB29 ", "example.com", form, ["test-webhook-token"]).Succeeded);
    }

    public static TheoryData<string?, string> BadHeaders() => new()
    {
        { null, "missing signature" },
        { "", "missing signature" },
        { "   ", "missing signature" },
        { "64a735ef0c47a0ae671e381c046648f0966deb2", "malformed signature" },
        { "64a735ef0c47a0ae671e381c046648f0966deb29a", "malformed signature" },
        { "64a735ef0c47a0ae671e381c046648f0966deb2z", "malformed signature" },
        { "sha1=64a735ef0c47a0ae671e381c046648f0966d", "malformed signature" },
        { "0000000000000000000000000000000000000000", "signature mismatch" },
        { "64a735ef0c47a0ae671e381c046648f0966deb28", "signature mismatch" },
    };

    [Theory]
    [MemberData(nameof(BadHeaders))]
    public void Missing_truncated_malformed_and_wrong_signatures_fail_with_a_reason_that_holds_no_secret(string? header, string reason)
    {
        var form = Form(("test", "true"));

        var result = PhaxioWebhookSignature.Verify(header, "example.com", form, ["test-webhook-token"]);

        Assert.False(result.Succeeded);
        Assert.Equal(reason, result.FailureReason);
        Assert.DoesNotContain("64a735ef", result.FailureReason!, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Signed_with_another_token_is_a_mismatch_and_no_token_fails_closed()
    {
        var form = Form(("test", "true"));
        var signedWithV3Token = "15adeecb7eca79676ece07ee4bc1bbba2c69eddd";

        Assert.Equal("signature mismatch", PhaxioWebhookSignature.Verify(signedWithV3Token, "example.com", form, ["test-webhook-token"]).FailureReason);
        Assert.Equal("no webhook token configured", PhaxioWebhookSignature.Verify(signedWithV3Token, "example.com", form, [null, ""]).FailureReason);
    }

    [Fact]
    public void A_request_whose_body_was_not_decoded_as_a_form_is_refused()
    {
        var result = PhaxioWebhookSignature.Verify("64a735ef0c47a0ae671e381c046648f0966deb29", "example.com", null, ["test-webhook-token"]);

        Assert.Equal("not a form body", result.FailureReason);
    }

    [Theory]
    [InlineData("https://internal-proxy:8080/phaxio/callback?tenant=42")]
    [InlineData("http://hooks.example.com/phaxio/callback?tenant=42")]
    [InlineData("https://hooks.example.com/phaxio/callback")]
    [InlineData("https://hooks.example.com/phaxio/callback/?tenant=42")]
    [InlineData("https://evil.example.net/phaxio/callback?tenant=42")]
    public void The_same_request_signed_for_another_url_is_a_mismatch(string url)
    {
        var form = WebhookForms.Load("fax-completed.multipart");
        var signature = PhaxioWebhookSignature.Compute(Token, url, form);

        var result = PhaxioWebhookSignature.Verify(signature, WebhookForms.ExampleUrl.OriginalString, form, [Token]);

        Assert.Equal("signature mismatch", result.FailureReason);
    }

    [Fact]
    public void A_tampered_fax_field_is_a_mismatch()
    {
        var form = WebhookForms.Load("fax-completed.multipart");
        var tampered = form with
        {
            Fields = [.. form.Fields.Select(f => f.Key == "fax" ? new KeyValuePair<string, string>("fax", f.Value.Replace("\"success\"", "\"failure\"", StringComparison.Ordinal)) : f)],
        };

        Assert.Equal("signature mismatch", PhaxioWebhookSignature.Verify("955cc174178080d82b6990ae59b47c14d6b438c1", WebhookForms.ExampleUrl.OriginalString, tampered, [Token]).FailureReason);
    }

    [Property(MaxTest = 200)]
    public bool Any_single_field_change_is_a_mismatch(NonEmptyString[] names, string[] values, int index, NonEmptyString replacement)
    {
        var fields = (names ?? []).Select((n, i) => new KeyValuePair<string, string>(n.Get, i < (values ?? []).Length ? values![i] ?? "" : "")).ToList();
        if (fields.Count == 0)
        {
            return true;
        }

        var at = (index & int.MaxValue) % fields.Count;
        var changed = fields.ToList();
        var newValue = changed[at].Value + replacement.Get;
        changed[at] = new(changed[at].Key, newValue);
        var form = new FaxWebhookForm { Fields = fields };
        var signature = PhaxioWebhookSignature.Compute(Token, "https://hooks.example.com/phaxio", form);

        return PhaxioWebhookSignature.Verify(signature, "https://hooks.example.com/phaxio", form, [Token]).Succeeded
            && PhaxioWebhookSignature.Verify(signature, "https://hooks.example.com/phaxio", form with { Fields = changed }, [Token]).FailureReason == "signature mismatch";
    }

    [Property(MaxTest = 200)]
    public bool Field_order_on_the_wire_does_not_matter_for_distinct_names(string[] values, int seed)
    {
        var fields = (values ?? []).Select((v, i) => new KeyValuePair<string, string>($"field{i:D3}", v ?? "")).ToList();
        var shuffled = fields.ToList();
        var random = new Random(seed);
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(shuffled));

        return PhaxioWebhookSignature.Compute(Token, "u", new FaxWebhookForm { Fields = fields })
            == PhaxioWebhookSignature.Compute(Token, "u", new FaxWebhookForm { Fields = shuffled });
    }

    [Property(MaxTest = 200)]
    public bool File_part_order_does_not_matter_for_distinct_names_but_content_does(byte[] first, byte[] second, byte flip)
    {
        var a = new FaxWebhookFile { Name = "a", Content = first };
        var b = new FaxWebhookFile { Name = "b", Content = second };
        var fields = new[] { new KeyValuePair<string, string>("event_type", "fax_completed") };
        var signature = PhaxioWebhookSignature.Compute(Token, "u", fields, [a, b]);
        var changed = second.Length == 0 ? [flip] : second.ToArray();
        if (second.Length > 0)
        {
            changed[flip % changed.Length] ^= (byte)(flip | 1);
        }

        return signature == PhaxioWebhookSignature.Compute(Token, "u", fields, [b, a])
            && signature != PhaxioWebhookSignature.Compute(Token, "u", fields, [a, b with { Content = changed }]);
    }

    [Property(MaxTest = 100)]
    public bool A_different_token_never_verifies(NonEmptyString other)
    {
        var form = Form(("event_type", "fax_completed"));
        var signature = PhaxioWebhookSignature.Compute(other.Get, "u", form);

        return (other.Get == Token) == PhaxioWebhookSignature.Verify(signature, "u", form, [Token]).Succeeded;
    }
}
