using System.Text;
using System.Xml;

namespace FaxSdk.Transport;

/// <summary>
/// Forward-only, bounded navigation of an XML answer or push over an <see cref="XmlReader"/>, for provider parsers:
/// no tree is built, every step checks the depth bound and, every 256 nodes, the cancellation token, and an element's
/// text is refused past a length bound. Elements are matched by local name, so namespaces and SOAP envelopes do not
/// matter. Every refusal is a <see cref="FaxProtocolException"/> naming the provider.
/// </summary>
public sealed class FaxXmlElementReader
{
    private readonly string _provider;
    private readonly int _maxDepth;
    private readonly int _maxTextLength;
    private readonly CancellationToken _cancellationToken;
    private int _nodes;

    /// <summary>Wraps a reader (create it with <see cref="CreateSettings"/>).</summary>
    /// <param name="reader">The reader, before its first node.</param>
    /// <param name="provider">The provider id the errors name.</param>
    /// <param name="maxDepth">The deepest element accepted.</param>
    /// <param name="maxTextLength">The most characters an element's text may hold.</param>
    /// <param name="cancellationToken">Checked every 256 nodes.</param>
    public FaxXmlElementReader(XmlReader reader, string provider, int maxDepth, int maxTextLength, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentException.ThrowIfNullOrWhiteSpace(provider);
        ArgumentOutOfRangeException.ThrowIfNegative(maxDepth);
        ArgumentOutOfRangeException.ThrowIfNegative(maxTextLength);
        Reader = reader;
        _provider = provider;
        _maxDepth = maxDepth;
        _maxTextLength = maxTextLength;
        _cancellationToken = cancellationToken;
    }

    /// <summary>The underlying reader (its current node).</summary>
    public XmlReader Reader { get; }

    /// <summary>Settings that refuse DTDs and entities, resolve nothing, skip comments, processing instructions and whitespace, and bound the document.</summary>
    /// <param name="maxCharactersInDocument">The most characters the document may hold.</param>
    /// <returns>New settings (the reader closes its input).</returns>
    public static XmlReaderSettings CreateSettings(long maxCharactersInDocument) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 0,
        MaxCharactersInDocument = maxCharactersInDocument,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = true,
    };

    /// <summary>Reads the next node.</summary>
    /// <returns><see langword="false"/> at the end of the document.</returns>
    /// <exception cref="FaxProtocolException">The node is nested deeper than the bound.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public bool Read()
    {
        if (!Reader.Read())
        {
            return false;
        }

        if ((++_nodes & 0xFF) == 0)
        {
            _cancellationToken.ThrowIfCancellationRequested();
        }

        return Reader.Depth > _maxDepth
            ? throw Protocol($"the XML is nested deeper than {_maxDepth} levels.")
            : true;
    }

    /// <summary>
    /// Reads the children of the current element (the reader is on its start tag), calling <paramref name="child"/>
    /// with each child's local name on its start tag; the callback must consume the child (read it, or <see cref="Skip"/>).
    /// </summary>
    /// <param name="child">What to do with each child.</param>
    public void ReadChildren(Action<string> child)
    {
        ArgumentNullException.ThrowIfNull(child);
        if (Reader.IsEmptyElement)
        {
            return;
        }

        var depth = Reader.Depth;
        while (Read())
        {
            if (Reader.NodeType == XmlNodeType.EndElement && Reader.Depth == depth)
            {
                return;
            }

            if (Reader.NodeType == XmlNodeType.Element && Reader.Depth == depth + 1)
            {
                child(Reader.LocalName);
            }
        }
    }

    /// <summary>Skips the current element and everything in it, keeping no text.</summary>
    public void Skip() => ReadChildren(_ => Skip());

    /// <summary>The text of the current element (child elements are skipped).</summary>
    /// <param name="name">The element's name, for the error message.</param>
    /// <returns>The text, empty for an empty element.</returns>
    /// <exception cref="FaxProtocolException">The text is longer than the bound.</exception>
    public string ReadText(string name)
    {
        if (Reader.IsEmptyElement)
        {
            return string.Empty;
        }

        var depth = Reader.Depth;
        StringBuilder? text = null;
        string? single = null;
        while (Read())
        {
            switch (Reader.NodeType)
            {
                case XmlNodeType.EndElement when Reader.Depth == depth:
                    return text?.ToString() ?? single ?? string.Empty;
                case XmlNodeType.Element:
                    Skip();
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace:
                    var value = Reader.Value;
                    if (single is null && text is null)
                    {
                        single = value;
                    }
                    else
                    {
                        text ??= new StringBuilder(single);
                        text.Append(value);
                    }

                    if ((text?.Length ?? single!.Length) > _maxTextLength)
                    {
                        throw Protocol($"the element {name} holds more than {_maxTextLength} characters.");
                    }

                    break;
            }
        }

        return text?.ToString() ?? single ?? string.Empty;
    }

    private FaxProtocolException Protocol(string message) => new(_provider, $"{_provider}: {message}");
}
