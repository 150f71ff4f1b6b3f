using System.Text;
using FaxSdk.Providers.Tests.StoneFax.Oracle;
using FaxSdk.StoneFax;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FaxSdk.Providers.Tests.StoneFax;

/// <summary>
/// The one-pass StoneFax reader against the oracle, the DTO-based parser it replaced (<see cref="StoneFaxOracleParser"/>):
/// the same statuses (canonical JSON) or the same exception type on every fixture, on odd bodies written by hand, and on
/// generated variants of both (unknown, reordered, null, removed and retyped members, array elements changed).
/// </summary>
public class StoneFaxOracleTests
{
    private static readonly TimeZoneInfo West = TimeZoneInfo.CreateCustomTimeZone("Test-5", TimeSpan.FromHours(-5), "Test-5", "Test-5");

    /// <summary>Bodies that take the rules' corners: members in odd case or escaped, given twice, nested, of the wrong type.</summary>
    private static readonly string[] OddBodies =
    [
        """{"FAXID":"f","STATUS":"failed","q931code":17,"FailureReason":"Busy","RECIPIENT":{"FAXNUMBER":"1","NAME":"n"}}""",
        """{"fax\u0049d":"f","st\u0061tus":"Completed","recipient":[{"faxNumber":"1"}]}""",
        """{"fax\u0131d":"f","status":"Completed"}""",
        """{"faxId":"a","faxId":"b","status":"Queued","status":"Failed","Q931Code":1,"Q931Code":null,"recipient":[{"faxNumber":"1"}],"recipient":{"faxNumber":"2"}}""",
        """{"faxId":"f","status":"Com\u0070leted","endTime":"2020-01-01T10:00:00\u002B02:00","recipient":{"faxNumber":"1"}}""",
        """{"faxId":"f","status":"Completed","submitTime":null,"date":"2018-06-01T10:15:00","recipient":{"faxNumber":"1"}}""",
        """{"faxId":"f","status":"Completed","submitTime":"","date":"2018-06-01T10:15:00","recipient":{"faxNumber":"1"}}""",
        """{"faxId":"f","status":"Completed","submitTime":"not a time","startTime":"2020-02-30T10:00:00","endTime":"2020-01-01 10:00:00"}""",
        """{"fax":{"faxId":"w","status":"Failed","recipient":[{"faxNumber":"1"},null,{"name":"x"}]},"faxId":null}""",
        """{"fax":{"faxId":"w","status":"Failed"},"fax":null,"faxId":"r","status":"Completed"}""",
        """{"fax":{"fax":{"faxId":"deep"}}}""",
        """{"fax":{"faxId":"w","status":"Queued","fax":{"faxId":5}}}""",
        """{"fax":{"faxId":"w","status":"Queued","faxList":[{"faxId":"i","recipient":7}]}}""",
        """{"faxList":[{"faxId":"a","status":"Completed"},null,{"faxId":"b","status":"Failed","recipient":[]}],"fax":null}""",
        """{"faxList":[{"faxId":"a"},{"status":"Completed"},{"faxId":""}]}""",
        """{"faxList":[{"faxId":"a"},{"fax":{"faxId":"b"}}],"faxId":"root","status":"Queued"}""",
        """{"faxList":[],"faxList":null,"faxId":"x"}""",
        """{"faxList":[]}""",
        """{"faxList":{}}""",
        """{"faxList":[5]}""",
        """{"faxId":"f","status":"Completed","username":5}""",
        """{"faxId":"f","status":"Completed","subject":{"a":1}}""",
        """{"faxId":"f","status":"Completed","numberOfPages":1.5}""",
        """{"faxId":"f","status":"Completed","numberOfPages":"1"}""",
        """{"faxId":"f","status":"Completed","Q931Code":4294967296}""",
        """{"faxId":"f","status":["Completed"]}""",
        """{"faxId":"f","status":"Completed","recipient":[{"faxNumber":1}]}""",
        """{"faxId":"f","status":"Completed","recipient":[[]]}""",
        """{"faxId":"f","status":"Completed","recipient":"10002"}""",
        """{"faxId":"f","status":"Completed","unknown":[1,{"a":[null,{"b":"\ud800"}]}]}""",
        """{"faxId":"f","status":"Completed","subject":"\ud800"}""",
        """{"faxId":"f","status":"Completed","date":"\udc00"}""",
        """{"faxId":"f","status":"Completed"} """,
        """{"faxId":"f","status":"Completed"} {}""",
        """{"faxId":"f","status":"Completed",}""",
        """{"faxId":"f"/*c*/}""",
        "null",
        "null x",
        "[]",
        "\"text\"",
        "5",
        "{}",
    ];

    public static TheoryData<string> FixtureNames() =>
        [.. Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "stonefax")).Select(f => Path.GetFileName(f)!).Order()];

    public static TheoryData<int> OddBodyIndexes() => [.. Enumerable.Range(0, OddBodies.Length)];

    /// <summary>The seeds of generated variants: every fixture, and the odd bodies that are JSON without a member given twice.</summary>
    private static byte[][] Seeds() =>
        [.. Fixture.All("stonefax"), .. new[] { 0, 1, 2, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14, 15, 17 }.Select(i => Encoding.UTF8.GetBytes(OddBodies[i]))];

    private static void AssertAgree(byte[] body)
    {
        ParserAgreement.AssertAgree(body, b => [StoneFaxOracleParser.Parse(b)], b => [StoneFaxStatusParser.Parse(b)]);
        ParserAgreement.AssertAgree(body, b => StoneFaxOracleParser.ParseList(b), b => StoneFaxStatusParser.ParseList(b));
        ParserAgreement.AssertAgree(body, b => StoneFaxOracleParser.ParseList(b, West), b => StoneFaxStatusParser.ParseList(b, West));
    }

    [Theory]
    [MemberData(nameof(FixtureNames))]
    public void Every_fixture_reads_as_the_oracle_reads_it(string fixture) => AssertAgree(Fixture.Bytes("stonefax", fixture));

    [Theory]
    [MemberData(nameof(OddBodyIndexes))]
    public void Odd_bodies_read_as_the_oracle_reads_them(int index) => AssertAgree(Encoding.UTF8.GetBytes(OddBodies[index]));

    [Fact]
    public void Invalid_utf8_in_a_member_that_is_only_checked_fails_as_the_oracle_fails()
    {
        byte[] subject = [.. "{\"faxId\":\"f\",\"status\":\"Completed\",\"subject\":\"a"u8, 0xC3, 0x28, .. "\"}"u8];
        byte[] unknown = [.. "{\"faxId\":\"f\",\"status\":\"Completed\",\"other\":\"a"u8, 0xFF, .. "\"}"u8];

        AssertAgree(subject);
        AssertAgree(unknown);
        Assert.Throws<FaxProtocolException>(() => StoneFaxStatusParser.Parse(subject));
        Assert.Equal("f", StoneFaxStatusParser.Parse(unknown).JobId);
    }

    [Fact]
    public void Member_names_that_are_not_valid_text_read_as_the_oracle_reads_them()
    {
        AssertAgree(Encoding.UTF8.GetBytes("""{"faxId":"f","status":"Completed","\ud800":1}"""));
        AssertAgree(Encoding.UTF8.GetBytes("""{"faxId":"f","status":"Completed","fax\udc00":1}"""));
        AssertAgree(Encoding.UTF8.GetBytes("""{"faxId":"f","status":"Completed","a-rather-long-unknown-member-name\ud800":1}"""));
        AssertAgree([.. "{\"faxId\":\"f\",\"status\":\"Completed\",\"fa"u8, 0xFF, .. "\":1}"u8]);
        AssertAgree([.. "{\"faxId\":\"f\",\"status\":\"Completed\",\"a-rather-long-unknown-member-name"u8, 0xC3, 0x28, .. "\":1}"u8]);
        AssertAgree([.. "{\"faxId\":\"f\",\"status\":\"Completed\",\"recipient\":{\"n"u8, 0xFF, .. "\":1}}"u8]);
        AssertAgree(Encoding.UTF8.GetBytes("""{"faxId":"f","status":"Completed","recipient":{"a-long-unknown-member-name-of-more-than-sixty-bytes-in-all\ud800":1}}"""));
        AssertAgree(Encoding.UTF8.GetBytes("""{"faxId":"f","status":"Completed","recipient":{"fax\u004Eumber":"1","N\u0041ME":"n"}}"""));
        AssertAgree(Encoding.UTF8.GetBytes("{\"fax\u0131d\":\"f\",\"\u017Ftatus\":\"Completed\",\"recipient\":{\"n\u00e4me\":\"x\",\"faxNumber\":\"1\"}}"));
    }

    [Fact]
    public void Messages_of_refused_shapes_are_the_oracles()
    {
        foreach (var body in new[] { "{\"faxList\":[]}", "{}", "{\"status\":\"Queued\"}", "{\"faxList\":[{\"faxId\":\"a\"},{\"status\":\"x\"}]}" })
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            Assert.Equal(Record.Exception(() => StoneFaxOracleParser.Parse(bytes))?.Message, Record.Exception(() => StoneFaxStatusParser.Parse(bytes))?.Message);
            Assert.Equal(Record.Exception(() => StoneFaxOracleParser.ParseList(bytes))?.Message, Record.Exception(() => StoneFaxStatusParser.ParseList(bytes))?.Message);
        }
    }

    /// <summary>The largest list under the object budget (50,000 objects) reads as the oracle reads it; the oracle has no such budget, so past it only the new reader refuses.</summary>
    [Fact]
    public void A_list_at_the_object_budget_reads_as_the_oracle_reads_it() =>
        AssertAgree(StoneFaxHostileInputTests.ListBody([9_999, 9_999, 9_999, 9_999, 9_998]));

    [Property(MaxTest = 500)]
    public Property Variants_of_the_fixtures_read_as_the_oracle_reads_them() =>
        Prop.ForAll(JsonVariants.Of(Seeds()).ToArbitrary(), body =>
            ParserAgreement.AssertAgree(body, b => [StoneFaxOracleParser.Parse(b)], b => [StoneFaxStatusParser.Parse(b)]));

    [Property(MaxTest = 500)]
    public Property Variants_of_the_fixtures_read_as_lists_in_a_server_zone_as_the_oracle_reads_them() =>
        Prop.ForAll(JsonVariants.Of(Seeds()).ToArbitrary(), body =>
            ParserAgreement.AssertAgree(body, b => StoneFaxOracleParser.ParseList(b, West), b => StoneFaxStatusParser.ParseList(b, West)));
}
