using System.Text;
using System.Xml.Linq;
using FsCheck;
using FsCheck.Fluent;

namespace FaxSdk.Providers.Tests.Retarus;

/// <summary>
/// Variants of a Retarus push document (<c>faxJobReport</c> XML) for the oracle test: children reordered, removed,
/// duplicated or emptied, values replaced by other codes, numbers, times and odd text, unknown elements, a repeated
/// report, a SOAP envelope around it, a fault. Each variant is a few edits of a seed, chosen by FsCheck.
/// </summary>
internal static class RetarusXmlVariants
{
    private static readonly string[] Values =
    [
        "", "  OK  ", "ok", "BUSY", "busy", "CANCELED", "CANCELLED", "PENDING", "TELEPORTED", "PAGE_SEND_ERR", "EOD_FAILED",
        "-5", "0", "12x", "+7", " 7 ", "99999999999", "2024-03-01T10:00:00+14:00", "0001-01-01T00:00:00+14:00", "not a time",
        "2026-11-24T09:31:07Z", "..", "FJ OK", "FJ9", "Ünïcode ☃", "a\tb",
    ];

    private static readonly string[] Names = ["jobId", "pages", "faxRecipient", "number", "numId", "status", "reason", "sentTS", "sentTs", "durationInSecs", "sentToNumber", "remoteCsid", "unknown"];

    /// <summary>A generator of variants of <paramref name="seeds"/>: each is a seed with 1 to <paramref name="maxEdits"/> edits.</summary>
    public static Gen<byte[]> Of(IReadOnlyList<byte[]> seeds, int maxEdits = 4) =>
        from seed in Gen.Elements(seeds.ToArray())
        from count in Gen.Choose(1, maxEdits)
        from edits in Gen.ListOf(Gen.Choose(0, int.MaxValue), count)
        select Apply(seed, edits);

    private static byte[] Apply(byte[] seed, IEnumerable<int> edits)
    {
        using var input = new MemoryStream(seed);
        var document = XDocument.Load(input);
        foreach (var edit in edits)
        {
            Edit(document, new Random(edit));
        }

        return Encoding.UTF8.GetBytes(document.ToString(SaveOptions.DisableFormatting));
    }

    private static void Edit(XDocument document, Random random)
    {
        var elements = document.Descendants().ToList();
        var target = elements[random.Next(elements.Count)];
        var ns = target.Name.Namespace;
        switch (random.Next(10))
        {
            case 0:
                // Children in another order.
                var children = target.Elements().OrderBy(_ => random.Next()).ToList();
                target.Elements().Remove();
                target.Add(children);
                break;
            case 1 when target.Parent is not null:
                target.Remove();
                break;
            case 2 when target.Parent is not null:
                target.AddAfterSelf(new XElement(target));
                break;
            case 3 when !target.HasElements:
                target.Value = Values[random.Next(Values.Length)];
                break;
            case 4:
                // An element the reader does not know, or a known name in an unexpected place, possibly with children.
                var name = Names[random.Next(Names.Length)];
                var extra = random.Next(2) == 0 ? new XElement(ns + name, Values[random.Next(Values.Length)]) : new XElement(ns + name, new XElement(ns + "status", "BUSY"), "text");
                var siblings = target.Nodes().ToList();
                if (siblings.Count == 0)
                {
                    target.Add(extra);
                }
                else
                {
                    siblings[random.Next(siblings.Count)].AddBeforeSelf(extra);
                }

                break;
            case 5:
                target.RemoveNodes();
                break;
            case 6 when target.Parent is null && target.Name.LocalName == "faxJobReport":
                // The report inside an answer with another report (or a SOAP envelope).
                var copy = new XElement(target);
                document.Root!.ReplaceWith(random.Next(2) == 0
                    ? new XElement("reports", copy, new XElement(copy))
                    : new XElement(XName.Get("Envelope", "http://schemas.xmlsoap.org/soap/envelope/"), new XElement(XName.Get("Body", "http://schemas.xmlsoap.org/soap/envelope/"), copy)));
                break;
            case 7 when random.Next(8) == 0:
                target.Add(new XElement(XName.Get("Fault", "http://schemas.xmlsoap.org/soap/envelope/")));
                break;
            case 8 when target.Name.LocalName is "sentTS" or "sentTs":
                target.Name = ns + (target.Name.LocalName == "sentTS" ? "sentTs" : "sentTS");
                break;
            case 9 when !target.HasElements:
                target.Value = $"  {target.Value}\n";
                break;
        }
    }
}
