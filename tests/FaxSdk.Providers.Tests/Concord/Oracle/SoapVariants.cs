using System.Text;
using System.Xml.Linq;
using FsCheck;
using FsCheck.Fluent;

namespace FaxSdk.Providers.Tests.Concord.Oracle;

/// <summary>
/// Variants of a SOAP document for oracle tests, as <see cref="JsonVariants"/> makes them for JSON: child elements in
/// another order, elements the parser does not know (empty, with text, or nested), elements removed, repeated (the
/// last counts), emptied (<c>&lt;x/&gt;</c>) or renamed in another case, and leaf texts replaced by other values
/// (blank, padded, numbers out of range, words, CDATA).
/// </summary>
internal static class SoapVariants
{
    private static readonly string[] Texts =
    [
        "", " ", "0", "1", "2", "3", "-5019", " 7 ", "+2", "99999999999", "9223372036854775807", "true", "false", "True", "x",
        "2024-03-05T14:22:10Z", "2024-03-05 14:22:10", "2024-03-05T14:22:10+02:00", "yesterday", "Busy", new string('z', 300),
    ];

    /// <summary>A generator of variants of <paramref name="seeds"/>: each is a seed with 1 to <paramref name="maxEdits"/> edits.</summary>
    public static Gen<byte[]> Of(IReadOnlyList<byte[]> seeds, int maxEdits = 4) =>
        from seed in Gen.Elements(seeds.ToArray())
        from count in Gen.Choose(1, maxEdits)
        from edits in Gen.ListOf(Gen.Choose(0, int.MaxValue), count)
        select Apply(seed, edits);

    /// <summary>Applies edits (each an integer that picks what to do and where) to a document.</summary>
    public static byte[] Apply(byte[] seed, IEnumerable<int> edits)
    {
        var document = XDocument.Parse(Encoding.UTF8.GetString(seed).TrimStart('\uFEFF'));
        foreach (var edit in edits)
        {
            Edit(document.Root!, new Random(edit));
        }

        return Encoding.UTF8.GetBytes(document.ToString(SaveOptions.DisableFormatting));
    }

    private static void Edit(XElement root, Random random)
    {
        var elements = root.DescendantsAndSelf().ToList();
        var target = elements[random.Next(elements.Count)];
        var children = target.Elements().ToList();
        switch (random.Next(7))
        {
            case 0 when children.Count > 1:
                target.ReplaceNodes(children.OrderBy(_ => random.Next()).ToArray());
                break;
            case 1:
                var unknown = new XElement(target.Name.Namespace + $"x_unknown_{random.Next(100)}", random.Next(3) switch
                {
                    0 => null,
                    1 => Texts[random.Next(Texts.Length)],
                    _ => new XElement(target.Name.Namespace + "FaxJobId", "nested"),
                });
                if (children.Count == 0 || target.Nodes().OfType<XText>().Any())
                {
                    target.Add(unknown);
                }
                else
                {
                    children[random.Next(children.Count)].AddBeforeSelf(unknown);
                }

                break;
            case 2 when children.Count > 0:
                children[random.Next(children.Count)].Remove();
                break;
            case 3 when children.Count > 0:
                var repeated = children[random.Next(children.Count)];
                var copy = new XElement(repeated);
                if (!copy.HasElements && random.Next(2) == 0)
                {
                    copy.Value = Texts[random.Next(Texts.Length)];
                }

                repeated.AddAfterSelf(copy);
                break;
            case 4 when !target.HasElements:
                var text = Texts[random.Next(Texts.Length)];
                target.ReplaceNodes(random.Next(4) == 0 ? new XCData(text) : new XText(text));
                break;
            case 5 when target.Parent is not null:
                target.RemoveNodes();
                break;
            case 6 when target.Parent is not null:
                target.Name = target.Name.Namespace + (random.Next(2) == 0 ? target.Name.LocalName.ToLowerInvariant() : target.Name.LocalName.ToUpperInvariant());
                break;
        }
    }
}
