using System.Text;
using FaxSdk.StoneFax;
using FaxSdk.Transport;

namespace FaxSdk.Providers.Tests.StoneFax;

/// <summary>Hostile and odd StoneFax answers: typed errors, bounded work, never another exception.</summary>
public class StoneFaxHostileInputTests
{
    private static readonly TimeZoneInfo West = TimeZoneInfo.CreateCustomTimeZone("Test-5", TimeSpan.FromHours(-5), "Test-5", "Test-5");

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [Theory]
    [InlineData("""{"faxId":"f","status":"Completed","recipient":[null]}""", 0)]
    [InlineData("""{"faxId":"f","status":"Completed","recipient":[null,{"faxNumber":"1"},null]}""", 1)]
    [InlineData("""{"faxList":[null,{"faxId":"a","status":"Queued"}]}""", -1)]
    public void Null_items_are_skipped(string body, int recipients)
    {
        if (recipients < 0)
        {
            Assert.Equal("a", Assert.Single(StoneFaxStatusParser.ParseList(Utf8(body))).JobId);
            return;
        }

        Assert.Equal(recipients, StoneFaxStatusParser.Parse(Utf8(body)).Recipients.Count);
    }

    [Fact]
    public void Times_out_of_range_in_the_server_zone_are_left_null()
    {
        var body = """{"faxId":"f","status":"Completed","submitTime":"0001-01-01T00:00:00+14:00","endTime":"9999-12-31T23:59:59","startTime":"9999-12-31T23:59:59.9999999","recipient":{"faxNumber":"1"}}""";

        var status = StoneFaxStatusParser.Parse(Utf8(body), West);

        Assert.Null(status.SubmittedAt);
        Assert.Null(status.StartedAt);
        Assert.Null(status.CompletedAt);
        Assert.Equal(FaxJobState.Succeeded, status.State);
    }

    [Fact]
    public void More_recipients_than_the_bound_are_refused_while_reading()
    {
        var body = """{"faxId":"f","status":"Completed","recipient":[""" + string.Join(',', Enumerable.Repeat("{}", StoneFaxStatusParser.MaxRecipients + 1)) + "]}";

        Assert.Contains("more than", Assert.Throws<FaxProtocolException>(() => StoneFaxStatusParser.Parse(Utf8(body))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_and_lone_surrogates_are_protocol_errors()
    {
        var body = Utf8("""{"faxId":"f","status":"Failed","failureReason":"XX","recipient":{"faxNumber":"1"}}""");
        var at = Array.IndexOf(body, (byte)'X');
        body[at] = 0xED; // an encoded surrogate, invalid in UTF-8
        body[at + 1] = 0xA0;

        Assert.Throws<FaxProtocolException>(() => StoneFaxStatusParser.Parse(body));
        Assert.Throws<FaxProtocolException>(() => StoneFaxStatusParser.Parse(Utf8("""{"faxId":"f","status":"\uD800","recipient":{"faxNumber":"1"}}""")));
    }

    [Fact]
    public void A_list_given_to_the_details_parser_says_what_it_is()
    {
        var error = Assert.Throws<FaxProtocolException>(() => StoneFaxStatusParser.Parse(Fixture.Bytes("stonefax", "list-mine.json")));

        Assert.Contains("ParseList", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"jobId":"FJ1","reports":[]}""", "expected {\"faxId\"")]
    [InlineData("""{"status":"Completed","recipient":{"faxNumber":"1"}}""", "no \"faxId\"")]
    [InlineData("""{"faxId":"","status":"Completed"}""", "no \"faxId\"")]
    public void Valid_json_of_another_shape_names_the_shape_expected(string body, string message) =>
        Assert.Contains(message, Assert.Throws<FaxProtocolException>(() => StoneFaxStatusParser.Parse(Utf8(body))).Message, StringComparison.Ordinal);

    [Fact]
    public void Deep_json_is_refused()
    {
        var body = """{"faxId":"f","status":"Completed","x":""" + new string('[', 100_000) + new string(']', 100_000) + "}";

        Assert.Throws<FaxProtocolException>(() => StoneFaxStatusParser.Parse(Utf8(body)));
    }

    private static readonly string BudgetMessage = FaxPayloadLimits.TooManyObjects(StoneFaxStatusParser.ProviderId).Message;

    /// <summary>A list body: one item per entry, each with that many empty recipient objects (1 + items + recipients objects in all).</summary>
    internal static byte[] ListBody(IEnumerable<int> recipientsPerItem) =>
        Utf8("{\"faxList\":[" + string.Join(',', recipientsPerItem.Select((n, i) =>
            $"{{\"faxId\":\"{i}\",\"status\":\"Completed\",\"recipient\":[" + string.Join(',', Enumerable.Repeat("{}", n)) + "]}")) + "]}");

    /// <summary>
    /// A value holding exactly <paramref name="objects"/> objects, in arrays of at most 9,000 elements: a chain of ten
    /// nested objects (deep) and empty objects for the rest (large).
    /// </summary>
    private static string Skipped(int objects)
    {
        const string deep = """{"d":{"d":{"d":{"d":{"d":{"d":{"d":{"d":{"d":{"d":null}}}}}}}}}}""";
        var elements = new[] { deep }.Concat(Enumerable.Repeat("{}", objects - 10)).Chunk(9_000);
        return "[" + string.Join(',', elements.Select(chunk => "[" + string.Join(',', chunk) + "]")) + "]";
    }

    [Fact]
    public void A_list_whose_recipients_together_pass_the_object_budget_is_refused_though_every_array_is_under_its_bound()
    {
        var body = ListBody(Enumerable.Repeat(9_000, 6)); // 1 + 6 + 54,000 objects; no array over 9,000

        var list = Assert.Throws<FaxProtocolException>(() => StoneFaxStatusParser.ParseList(body));
        var single = Assert.Throws<FaxProtocolException>(() => StoneFaxStatusParser.Parse(body));

        Assert.Equal(BudgetMessage, list.Message);
        Assert.Equal(StoneFaxStatusParser.ProviderId, list.Provider);
        Assert.Equal(BudgetMessage, single.Message);
    }

    [Fact]
    public void A_4_MiB_list_of_faxes_of_9999_recipients_is_refused_without_building_them()
    {
        // About 140 faxes of 9,999 recipients: 1.4 million recipient objects, each array under its bound. Before the
        // shared budget, ParseList built every one of them (over 100 MB).
        var body = ListBody(Enumerable.Repeat(StoneFaxStatusParser.MaxRecipients - 1, 4 * 1024 * 1024 / 30_000));
        var before = GC.GetAllocatedBytesForCurrentThread();

        var exception = Assert.Throws<FaxProtocolException>(() => StoneFaxStatusParser.ParseList(body));

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(BudgetMessage, exception.Message);
        Assert.True(allocated < 2 * body.Length, $"allocated {allocated:N0} bytes for a {body.Length:N0}-byte body");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void A_list_at_the_object_budget_is_read_and_one_object_more_is_refused(int over)
    {
        // 1 root + 5 faxes + 49,994 recipients = 50,000 objects.
        int[] recipients = [9_999, 9_999, 9_999, 9_999, 9_998 + over];
        var body = ListBody(recipients);

        if (over > 0)
        {
            Assert.Equal(BudgetMessage, Assert.Throws<FaxProtocolException>(() => StoneFaxStatusParser.ParseList(body)).Message);
            return;
        }

        var list = StoneFaxStatusParser.ParseList(body);

        Assert.Equal(recipients, list.Select(s => s.Recipients.Count));
    }

    /// <summary>Bodies with an unknown member holding <c>{0}</c> objects, and how many objects the rest of the body holds.</summary>
    public static TheoryData<string, int, bool> SkippedMembers() => new()
    {
        { """{"faxId":"f","status":"Completed","x":{0}}""", 1, false },
        { """{"faxId":"f","status":"Completed","recipient":[{"faxNumber":"1","x":{0}}]}""", 2, false },
        { """{"fax":{"faxId":"w","status":"Completed","x":{0}}}""", 2, false },
        { """{"faxList":[{"faxId":"a","status":"Completed","x":{0}}]}""", 2, true },
        { """{"faxList":[{"faxId":"a","faxList":[{"faxId":"b","recipient":{"x":{0}}}]}]}""", 4, true },
    };

    [Theory]
    [MemberData(nameof(SkippedMembers))]
    public void Objects_in_skipped_members_count_against_the_budget(string template, int others, bool list)
    {
        Func<byte[], object> parse = list ? b => StoneFaxStatusParser.ParseList(b) : b => StoneFaxStatusParser.Parse(b);
        var atBudget = Utf8(template.Replace("{0}", Skipped(FaxPayloadLimits.MaxObjectsPerBody - others), StringComparison.Ordinal));
        var over = Utf8(template.Replace("{0}", Skipped(FaxPayloadLimits.MaxObjectsPerBody - others + 1), StringComparison.Ordinal));

        Assert.NotNull(parse(atBudget));
        Assert.Equal(BudgetMessage, Assert.Throws<FaxProtocolException>(() => parse(over)).Message);
    }

    [Fact]
    public void An_array_in_a_skipped_member_is_held_to_the_shared_array_bound()
    {
        string Body(int length) => """{"faxId":"f","status":"Completed","recipient":{"faxNumber":"1","x":[""" + string.Join(',', Enumerable.Repeat("0", length)) + "]}}";

        Assert.Equal("f", StoneFaxStatusParser.Parse(Utf8(Body(FaxPayloadLimits.MaxArrayLength))).JobId);
        Assert.Contains("has more than 10,000 elements", Assert.Throws<FaxProtocolException>(() => StoneFaxStatusParser.Parse(Utf8(Body(FaxPayloadLimits.MaxArrayLength + 1)))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_recipient_and_fax_bounds_keep_their_meaning_and_message()
    {
        const string tooMany = "stonefax: the body lists more than 10000 recipients or faxes.";
        var fullWithNulls = """{"faxId":"f","status":"Completed","recipient":[null,""" + string.Join(',', Enumerable.Repeat("{}", StoneFaxStatusParser.MaxRecipients)) + ",null]}";
        var tooManyRecipients = """{"faxId":"f","status":"Completed","recipient":[""" + string.Join(',', Enumerable.Repeat("{}", StoneFaxStatusParser.MaxRecipients + 1)) + "]}";
        var fullList = """{"faxList":[null,""" + string.Join(',', Enumerable.Repeat("""{"faxId":"a"}""", StoneFaxStatusParser.MaxFaxes)) + ",null]}";
        var tooManyFaxes = """{"faxList":[""" + string.Join(',', Enumerable.Repeat("""{"faxId":"a"}""", StoneFaxStatusParser.MaxFaxes + 1)) + "]}";

        Assert.Equal(StoneFaxStatusParser.MaxRecipients, StoneFaxStatusParser.Parse(Utf8(fullWithNulls)).Recipients.Count);
        Assert.Equal(StoneFaxStatusParser.MaxFaxes, StoneFaxStatusParser.ParseList(Utf8(fullList)).Count);
        Assert.Equal(tooMany, Assert.Throws<FaxProtocolException>(() => StoneFaxStatusParser.Parse(Utf8(tooManyRecipients))).Message);
        Assert.Equal(tooMany, Assert.Throws<FaxProtocolException>(() => StoneFaxStatusParser.ParseList(Utf8(tooManyFaxes))).Message);
    }
}
