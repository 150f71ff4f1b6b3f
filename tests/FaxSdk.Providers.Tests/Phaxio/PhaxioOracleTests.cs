using System.Text;
using FaxSdk.Phaxio;
using FaxSdk.Providers.Tests.Phaxio.Oracle;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FaxSdk.Providers.Tests.Phaxio;

/// <summary>
/// The direct reader (PhaxioStatusParser) against the DTO parser it replaced (<see cref="PhaxioOracleParser"/>): the
/// same statuses, or the same exception type, on every fixture, on bodies the fixtures cannot show, and on generated
/// variants of them (unknown, reordered, null, removed and retyped members; array elements duplicated, removed, nulled).
/// </summary>
public class PhaxioOracleTests
{
    private static readonly byte[][] Seeds =
    [
        .. Fixture.All("phaxio"),
        TenRecipients(),
        // Members that decide the body after the ones they overrule.
        Utf8("""{"data":{"id":1,"status":"success","recipients":[{"phone_number":"+1","status":"success"}]},"message":"Fax not found","success":false}"""),
        Utf8("""{"id":7,"status":"success","recipients":[{"phone_number":"+1","status":"success"},{"phone_number":"+2","status":null}],"direction":"received"}"""),
        Utf8("""{"recipients":[{"phone_number":"+1","status":null},{"phone_number":"+2","status":"queued"}],"error_message":"Mimetype not supported.","error_id":129,"error_type":"documentConversionError","status":"failure","id":5}"""),
        Utf8("""{"success":true,"data":[{"id":1,"status":"failure","recipients":[{"phone_number":"+1","status":"failure"}],"error_id":75,"error_type":"faxError"},{"id":"2","status":"queued","recipients":[]}],"paging":{"total":2}}"""),
    ];

    public static TheoryData<string> FixtureNames() =>
        [.. Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "phaxio"), "*.json").Select(f => Path.GetFileName(f)!).Order()];

    [Theory]
    [MemberData(nameof(FixtureNames))]
    public void Every_fixture_agrees_with_the_oracle(string name) => AssertAgree(Fixture.Bytes("phaxio", name));

    [Fact]
    public void The_ten_recipient_benchmark_payload_agrees_with_the_oracle_and_reads_every_recipient()
    {
        AssertAgree(TenRecipients());

        var status = PhaxioStatusParser.ParseResponse(TenRecipients());
        Assert.Equal(10, status.Recipients.Count);
        Assert.Equal(5, status.Recipients.Count(r => r.Error?.Category == FaxFailureCategory.Busy));
    }

    /// <summary>Bodies the JSON variants cannot make (they are re-serialised, so escapes and duplicates vanish), and hostile ones.</summary>
    [Theory]
    [InlineData("""{"success":true,"data":{"\u0069d":"a","st\u0061tus":"succ\u0065ss","recipients":[{"phone_n\u0075mber":"+1","status":"\u0073uccess"}]}}""")]
    [InlineData("""{"id":1,"Status":"success","RECIPIENTS":[],"Direction":"received","FaxId":1}""")]
    [InlineData("""{"id":1,"status":"success","direction":"ReCeIvEd"}""")]
    [InlineData("""{"id":1,"status":"success","direction":"rec\u0065ived"}""")]
    [InlineData("""{"id":1,"status":"SUCCESS","recipients":[{"phone_number":"+1","status":"Success","error_type":"LINEERROR","error_id":17}]}""")]
    [InlineData("""{"id":1,"id":"2","status":"queued","status":"success","recipients":[],"recipients":[{"phone_number":"+1","status":"success"}]}""")]
    [InlineData("""{"id":1,"status":"success","recipients":[null],"recipients":[{"phone_number":"+1","status":"success"}]}""")]
    [InlineData("""{"id":1,"status":"success","recipients":[{"number":"+1"}],"recipients":[{"phone_number":"+1","status":"success"}]}""")]
    [InlineData("""{"success":true,"data":[{"id":1,"status":"success"}],"data":{"id":2,"status":"failure"}}""")]
    [InlineData("""{"success":true,"data":{"id":2,"faxId":3},"data":{"id":2,"status":"failure"}}""")]
    [InlineData("""{"success":true,"data":[null,{"id":1,"requested_at":5}]}""")]
    [InlineData("""{"success":true,"data":[{"id":1,"status":"queued"},{"id":2}]}""")]
    [InlineData("""{"success":true,"data":[{"id":1,"status":"queued"},{"id":2,"status":"queued","direction":"received"},7]}""")]
    [InlineData("""{"success":null,"message":null,"data":null,"id":1,"status":"queued"}""")]
    [InlineData("""{"success":false}""")]
    [InlineData("""{"success":false,"data":{"id":1,"num_pages":"three"}}""")]
    [InlineData("""{"success":false,"data":{"id":1,"faxId":2}}""")]
    [InlineData("""{"success":false,"faxId":null}""")]
    [InlineData("""{"paging":null}""")]
    [InlineData("""{"id":1,"status":"queued"} x""")]
    [InlineData("""{"id":-0,"status":"queued","num_pages":-1,"is_test":null,"created_at":{"a":[1,{}]},"completed_at":"2024-03-01T10:00:00.000+01:00"}""")]
    [InlineData("""{"id":1.5,"status":"queued"}""")]
    [InlineData("""{"id":9223372036854775807,"status":"queued","recipients":[{"phone_number":"+1","status":"failure","retry_count":2147483647}]}""")]
    [InlineData("""{"id":1,"status":"queued","recipients":[{"phone_number":"+1","retry_count":2147483648}]}""")]
    [InlineData("""{"id":1,"status":"queued","recipients":[{"phone_number":"+1","error_id":1e2}]}""")]
    [InlineData("""{"id":1,"status":"queued","recipients":[[]]}""")]
    [InlineData("""{"id":1,"status":"queued","recipients":[7]}""")]
    [InlineData("""{"id":1,"status":"queued","is_test":"true"}""")]
    [InlineData("""{"id":1,"status":"\ud800","error_message":"\udc00x"}""")]
    [InlineData("""{"id":1,"status":"pendingbatch","recipients":[{"phone_number":"+1","status":"pendingbatch"}]}""")]
    [InlineData("""[{"id":1}]""")]
    [InlineData("""null""")]
    [InlineData("""{}""")]
    public void Bodies_beyond_the_variants_agree_with_the_oracle(string body) => AssertAgree(Utf8(body));

    /// <summary>The envelope's message is decoded only when success is false (it may come before or after): the same text as the oracle's.</summary>
    [Theory]
    [InlineData("""{"message":"Fax not found","data":null,"success":false}""", "Fax not found")]
    [InlineData("""{"success":false,"message":"Fax \u006eot found \u2013 retry"}""", "Fax not found \u2013 retry")]
    [InlineData("""{"data":{"id":1},"message":"Télécopie introuvable","success":false}""", "Télécopie introuvable")]
    [InlineData("""{"success":false,"message":"   "}""", "no message")]
    [InlineData("""{"message":"first","success":false,"message":null}""", "no message")]
    public void The_message_of_a_failed_envelope_is_the_oracles(string body, string says)
    {
        var expected = Assert.Throws<FaxSdkException>(() => PhaxioOracleParser.ParseResponse(Utf8(body)));
        var actual = Assert.Throws<FaxSdkException>(() => PhaxioStatusParser.ParseResponse(Utf8(body)));

        Assert.Equal(expected.Message, actual.Message);
        Assert.Contains(System.Text.RegularExpressions.Regex.Unescape(says), actual.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_in_any_member_read_or_skipped_agrees_with_the_oracle()
    {
        foreach (var member in new[] { "id", "status", "direction", "error_type", "error_message", "message", "x_unknown", "created_at" })
        {
            AssertAgree([.. Utf8($$"""{"id":1,"status":"queued","{{member}}":"""), (byte)'"', 0xC3, 0x28, 0xFF, .. "\"}"u8]);
        }
    }

    [Fact]
    public void Bodies_over_the_payload_bounds_agree_with_the_oracle()
    {
        var objects = string.Join(',', Enumerable.Repeat("{}", 5_001));
        AssertAgree(Utf8("{\"id\":1,\"status\":\"queued\",\"x\":[" + string.Join(',', Enumerable.Repeat("[" + objects + "]", 11)) + "]}"));
        AssertAgree(Utf8("{\"success\":false,\"data\":[" + string.Join(',', Enumerable.Repeat("1", 10_001)) + "]}"));
        AssertAgree(Utf8("{\"id\":1,\"created_at\":" + new string('[', 40) + new string(']', 40) + "}"));
    }

    [Property(MaxTest = 1000)]
    public Property Generated_variants_of_every_seed_agree_with_the_oracle() =>
        Prop.ForAll(JsonVariants.Of(Seeds).ToArbitrary(), AssertAgree);

    private static void AssertAgree(byte[] body)
    {
        ParserAgreement.AssertAgree(body, b => PhaxioOracleParser.Parse(b), b => PhaxioStatusParser.Parse(b));
        ParserAgreement.AssertAgree(body, b => [PhaxioOracleParser.ParseResponse(b)], b => [PhaxioStatusParser.ParseResponse(b)]);
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>The benchmark's "10 recipients" payload (PhaxioResponseParsing).</summary>
    private static byte[] TenRecipients() => FaxSdk.Benchmarks.Payloads.PhaxioRecipients(10);
}
