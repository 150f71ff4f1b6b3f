using System.Text;
using System.Xml;
using FaxSdk.Transport;

namespace FaxSdk.Tests.Transport;

public class FaxXmlElementReaderTests
{
    private static FaxXmlElementReader Over(string xml, int maxDepth = 32, int maxText = 64, CancellationToken cancellationToken = default) =>
        new(XmlReader.Create(new MemoryStream(Encoding.UTF8.GetBytes(xml)), FaxXmlElementReader.CreateSettings(1024 * 1024)), "p", maxDepth, maxText, cancellationToken);

    private static Dictionary<string, string> Fields(FaxXmlElementReader xml)
    {
        var fields = new Dictionary<string, string>();
        while (xml.Read() && xml.Reader.NodeType != XmlNodeType.Element)
        {
        }

        xml.ReadChildren(name =>
        {
            if (name == "skip")
            {
                xml.Skip();
            }
            else
            {
                fields[name] = xml.ReadText(name);
            }
        });
        return fields;
    }

    [Fact]
    public void Children_are_read_by_local_name_with_their_text_and_skipped_elements_leave_nothing_behind()
    {
        var xml = Over("""<s:Envelope xmlns:s="urn:soap"><a>1</a><skip><a>inner</a><b>x</b></skip><b><![CDATA[two]]> and <i>ignored</i>more</b><c/></s:Envelope>""");

        Assert.Equal(new Dictionary<string, string> { ["a"] = "1", ["b"] = "two and more", ["c"] = "" }, Fields(xml));
    }

    [Fact]
    public void Nesting_past_the_bound_is_a_protocol_error()
    {
        var deep = string.Concat(Enumerable.Repeat("<x>", 10)) + string.Concat(Enumerable.Repeat("</x>", 10));
        var xml = Over(deep, maxDepth: 5);

        var error = Assert.Throws<FaxProtocolException>(() => { while (xml.Read()) { } });
        Assert.Equal("p: the XML is nested deeper than 5 levels.", error.Message);
    }

    [Fact]
    public void Text_past_the_bound_is_a_protocol_error_naming_the_element()
    {
        var xml = Over($"<r><long>{new string('a', 65)}</long></r>");

        var error = Assert.Throws<FaxProtocolException>(() => Fields(xml));
        Assert.Equal("p: the element long holds more than 64 characters.", error.Message);
    }

    [Fact]
    public void A_document_type_definition_is_refused_by_the_settings()
    {
        var xml = Over("""<!DOCTYPE r [<!ENTITY e "boom">]><r>&e;</r>""");

        Assert.Throws<XmlException>(() => { while (xml.Read()) { } });
    }

    [Fact]
    public void A_cancelled_token_stops_a_long_document()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var xml = Over("<r>" + string.Concat(Enumerable.Repeat("<e/>", 1000)) + "</r>", cancellationToken: cancelled.Token);

        Assert.Throws<OperationCanceledException>(() => { while (xml.Read()) { } });
    }
}
