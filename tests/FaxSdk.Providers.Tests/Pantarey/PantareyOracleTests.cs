using System.Text;
using FaxSdk.Pantarey;
using FaxSdk.Providers.Tests.Pantarey.Oracle;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FaxSdk.Providers.Tests.Pantarey;

/// <summary>
/// The one-pass Pantarey readers (status and push) against the oracles, the DTO-based parsers they replaced
/// (<see cref="PantareyOracleParser"/>, <see cref="PantareyPushOracleParser"/>): the same statuses (canonical JSON), job
/// references and delivery keys, or the same exception type, on every fixture, on odd bodies written by hand, and on
/// generated variants of both.
/// </summary>
public class PantareyOracleTests
{
    /// <summary>Bodies that take the rules' corners: members escaped, given twice, of the wrong type; bounds; the push flag.</summary>
    private static readonly string[] OddBodies =
    [
        """{"jobId":"j","status":"finished","recipients":[{"faxNumber":"1","resultCode":0},{"faxNumber":"2","resultCode":17,"resultText":"BUSY"}],"test":true}""",
        """{"recipients":[{"resultCode":null,"faxNumber":"1"}],"errorCode":"E1","status":"error","jobId":"j","test":false}""",
        """{"recipients":[{"faxNumber":"1"}],"status":"canceled","jobId":"j"}""",
        """{"statistics":{"recipientCountError":1,"recipientCountSuccessful":2,"recipientCount":3,"pages":4},"status":"finished","jobId":"j"}""",
        """{"jobId":"j","status":"finished","statistics":{"recipientCount":3,"recipientCountSuccessful":1}}""",
        """{"jobId":"j","status":"FINISHED","errorCode":{"code":7,"text":["no line"]}}""",
        """{"jobId":"j","status":"error","errorCode":[1, 2,  3]}""",
        """{"jobId":"j","status":"error","errorCode":false}""",
        """{"jobId":"j","status":"error","errorCode":12.50}""",
        """{"jobId":"j","test":true}""",
        """{"jobId":"j","test":null}""",
        """{"faxJob":null,"jobId":"j","status":"finished"}""",
        """{"job\u0049d":"j","st\u0061tus":"fin\u0069shed","test":false}""",
        """{"JobId":"j","Status":"finished","test":false}""",
        """{"jobId":"a","jobId":"b","status":"processing","status":"finished","recipients":[null],"recipients":[{"resultCode":0}],"test":false}""",
        """{"jobId":"j","status":"finished","statistics":{"pages":1},"statistics":null}""",
        """{"jobId":"j","status":"finished","recipients":[{"resultCode":0}],"recipients":null}""",
        """{"jobId":"j","status":"finished","test":true,"test":false}""",
        """{"jobId":"j","status":"finished","test":"yes","test":true}""",
        """{"jobId":"j","status":"finished","te\u0073t":true}""",
        """{"jobId":"j","status":"finished","x":{"test":true}}""",
        """{"jobId":"..","status":"finished","test":false}""",
        """{"jobId":"j","status":"finished","recipients":[null,{"resultCode":0}]}""",
        """{"jobId":"j","status":"finished","recipients":[5]}""",
        """{"jobId":"j","status":"finished","recipients":{}}""",
        """{"jobId":"j","status":"finished","statistics":[]}""",
        """{"jobId":"j","status":"finished","statistics":{"pages":1.0}}""",
        """{"jobId":"j","status":"finished","recipients":[{"resultCode":2147483648}]}""",
        """{"jobId":"j","status":"finished","recipients":[{"resultText":5}]}""",
        """{"jobId":5,"status":"finished"}""",
        """{"jobId":"j","status":5}""",
        """{"jobId":"j","status":"\ud800"}""",
        """{"jobId":"j","status":"error","errorCode":"\ud800"}""",
        """{"jobId":"j","status":"error","errorCode":{"a":"\ud800"}}""",
        """{"jobId":"j","status":"finished"} x""",
        """{"jobId":"j","status":"finished",}""",
        """{"jobId":"j","status":"finished"}""",
        "null",
        "[1,2",
        "\"finished\"",
        "{}",
        "   ",
        "<html></html>",
    ];

    public static TheoryData<string> StatusFixtures() =>
        [.. Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "pantarey")).Select(f => Path.GetFileName(f)!).Order()];

    public static TheoryData<string> PushFixtures() =>
        [.. Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "pantarey", "push")).Select(f => Path.GetFileName(f)!).Order()];

    public static TheoryData<int> OddBodyIndexes() => [.. Enumerable.Range(0, OddBodies.Length)];

    /// <summary>The seeds of generated variants: every fixture (status and push), and the odd bodies that are JSON objects without a member given twice.</summary>
    private static byte[][] Seeds() =>
        [.. Fixture.All("pantarey"), .. Fixture.All("pantarey/push"), .. new[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 19, 20, 21, 22 }.Select(i => Encoding.UTF8.GetBytes(OddBodies[i]))];

    private static byte[][] PushSeeds() => [.. Fixture.All("pantarey/push"), .. new[] { 0, 1, 10, 12, 19, 20, 21 }.Select(i => Encoding.UTF8.GetBytes(OddBodies[i]))];

    private static void AssertStatusesAgree(byte[] body)
    {
        ParserAgreement.AssertAgree(body, b => [PantareyOracleParser.Parse(b)], b => [PantareyStatusParser.Parse(b)]);
        ParserAgreement.AssertAgree(body, b => [PantareyOracleParser.Parse(b, isTest: true)], b => [PantareyStatusParser.Parse(b, isTest: true)]);
    }

    /// <summary>The push parsers agree: on the status as <see cref="ParserAgreement"/> compares it, and on the job reference, trust and delivery key.</summary>
    private static void AssertPushesAgree(byte[] body)
    {
        ParserAgreement.AssertAgree(body, b => [PantareyPushOracleParser.Parse(b, "tenant").Status], b => [PantareyPushParser.Parse(b, "tenant").Status]);
        FaxPushedStatus? expected = null, actual = null;
        try
        {
            expected = PantareyPushOracleParser.Parse(body, "tenant");
            actual = PantareyPushParser.Parse(body, "tenant");
        }
        catch (FaxProtocolException)
        {
            // Both threw (the assertion above holds): nothing more to compare.
        }

        Assert.Equal((expected?.Job, expected?.Trust, expected?.DeliveryKey), (actual?.Job, actual?.Trust, actual?.DeliveryKey));
    }

    [Theory]
    [MemberData(nameof(StatusFixtures))]
    public void Every_status_fixture_reads_as_the_oracle_reads_it(string fixture)
    {
        AssertStatusesAgree(Fixture.Bytes("pantarey", fixture));
        AssertPushesAgree(Fixture.Bytes("pantarey", fixture));
    }

    [Theory]
    [MemberData(nameof(PushFixtures))]
    public void Every_push_fixture_reads_as_the_oracle_reads_it(string fixture)
    {
        AssertStatusesAgree(Fixture.Bytes("pantarey/push", fixture));
        AssertPushesAgree(Fixture.Bytes("pantarey/push", fixture));
    }

    [Theory]
    [MemberData(nameof(OddBodyIndexes))]
    public void Odd_bodies_read_as_the_oracle_reads_them(int index)
    {
        AssertStatusesAgree(Encoding.UTF8.GetBytes(OddBodies[index]));
        AssertPushesAgree(Encoding.UTF8.GetBytes(OddBodies[index]));
    }

    [Theory]
    [InlineData("""{"jobId":"j","status":"finished","statistics":{"pages":"one"}}""", "pages")]
    [InlineData("""{"jobId":"j","status":"finished","recipients":[5]}""", "recipients")]
    [InlineData("""{"jobId":"j","test":true}""", null)]
    [InlineData("""{"faxJob":{}}""", null)]
    [InlineData("""{"jobId":"j","status":"finished","recipients":[{"resultCode":0},null]}""", null)]
    [InlineData("[]", null)]
    public void Messages_of_refused_shapes_are_the_oracles_or_name_the_same_member(string body, string? member)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var expected = Assert.Throws<FaxProtocolException>(() => PantareyOracleParser.Parse(bytes)).Message;
        var actual = Assert.Throws<FaxProtocolException>(() => PantareyStatusParser.Parse(bytes)).Message;

        if (member is null)
        {
            Assert.Equal(expected, actual);
        }
        else
        {
            Assert.Contains(member, expected, StringComparison.Ordinal);
            Assert.Contains(member, actual, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Member_names_and_result_texts_that_are_not_valid_text_read_as_the_oracle_reads_them()
    {
        byte[][] bodies =
        [
            Encoding.UTF8.GetBytes("""{"jobId":"j","status":"finished","\ud800":1,"test":true}"""),
            Encoding.UTF8.GetBytes("""{"jobId":"j","status":"finished","tes\udc00":1,"test":true}"""),
            Encoding.UTF8.GetBytes("""{"jobId":"j","status":"finished","recipients":[{"resultCode":0,"\ud800":1}],"test":true}"""),
            Encoding.UTF8.GetBytes("""{"jobId":"j","status":"finished","a-long-unknown-member-name-of-more-than-sixty-bytes-in-all\ud800":1,"test":true}"""),
            Encoding.UTF8.GetBytes("""{"jobId":"j","status":"finished","recipients":[{"resultCode":0,"a-long-unknown-member-name-of-more-than-sixty-bytes-in-all\ud800":1}],"test":true}"""),
            [.. "{\"jobId\":\"j\",\"status\":\"finished\",\"te"u8, 0xFF, .. "\":1,\"test\":true}"u8],
            [.. "{\"jobId\":\"j\",\"status\":\"finished\",\"recipients\":[{\"resultCode\":0,\"resultText\":\"O"u8, 0xFF, .. "\"}],\"test\":true}"u8],
            [.. "{\"jobId\":\"j\",\"status\":\"finished\",\"recipients\":[{\"resultCode\":3,\"resultText\":\"O"u8, 0xC3, 0x28, .. "\"}],\"test\":true}"u8],
            Encoding.UTF8.GetBytes("""{"jobId":"j","status":"finished","recipients":[{"resultText":"\ud800","resultCode":0}],"test":true}"""),
            Encoding.UTF8.GetBytes("""{"jobId":"j","status":"finished","recipients":[{"resultText":"A\u0042","resultCode":3},{"resultCode":4,"resultText":"x","resultText":"\u0043"},{"resultText":"\u0043","resultText":"plain","resultCode":5}],"test":true}"""),
        ];

        foreach (var body in bodies)
        {
            AssertStatusesAgree(body);
            AssertPushesAgree(body);
        }
    }

    private static byte[] OverLimit(int index)
    {
        static string Repeat(string value, int count) => string.Join(',', Enumerable.Repeat(value, count));
        var member = index switch
        {
            0 => "\"other\":[" + Repeat("null", 10_001) + "]",
            1 => "\"recipients\":[" + Repeat("null", 10_001) + "]",
            2 => "\"recipients\":[" + Repeat("{}", 10_001) + "]",
            3 => "\"other\":[" + Repeat("{\"a\":{},\"b\":{},\"c\":{},\"d\":{},\"e\":{}}", 10_000) + "]",
            _ => "\"errorCode\":[" + Repeat("[]", 10_001) + "]",
        };
        return Encoding.UTF8.GetBytes("{\"jobId\":\"j\",\"status\":\"error\"," + member + "}");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Bodies_over_the_payload_limits_are_refused_by_both(int index)
    {
        var body = OverLimit(index);

        AssertStatusesAgree(body);
        Assert.Contains("more than", Assert.Throws<FaxProtocolException>(() => PantareyStatusParser.Parse(body)).Message, StringComparison.Ordinal);
    }

    [Property(MaxTest = 500)]
    public Property Variants_of_the_fixtures_read_as_the_oracle_reads_them() =>
        Prop.ForAll(JsonVariants.Of(Seeds()).ToArbitrary(), body =>
            ParserAgreement.AssertAgree(body, b => [PantareyOracleParser.Parse(b)], b => [PantareyStatusParser.Parse(b)]));

    [Property(MaxTest = 500)]
    public Property Variants_of_the_push_fixtures_read_as_the_oracle_reads_them() =>
        Prop.ForAll(JsonVariants.Of(PushSeeds()).ToArbitrary(), AssertPushesAgree);
}
