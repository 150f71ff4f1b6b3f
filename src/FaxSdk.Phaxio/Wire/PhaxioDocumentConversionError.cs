using FaxSdk.Mapping;

namespace FaxSdk.Phaxio;

/// <summary>
/// Phaxio <c>documentConversionError</c> ids (<c>error_id</c>), the whole documented list. Every one is a
/// <see cref="FaxFailureCategory.DocumentError"/>: not retryable until the document (or its URL) is fixed.
/// </summary>
[FaxStatusMap]
public enum PhaxioDocumentConversionError
{
    /// <summary>An id not listed here: the category of <see cref="PhaxioErrorType.DocumentConversionError"/> (document error) applies.</summary>
    [UnknownWire] Unknown = 0,

    /// <summary>4, 69 converting and merging the files failed; 133 the PDF could not be normalised.</summary>
    [Wire(4), Wire(69), Wire(133), MapsTo(FaxFailureCategory.DocumentError)] ConversionFailed,

    /// <summary>54 the URL could not be accessed, 55 the <c>string_data</c> URL is invalid, 57 the file could not be stored.</summary>
    [Wire(54), Wire(55), Wire(57), MapsTo(FaxFailureCategory.DocumentError)] FileNotAccessible,

    /// <summary>128 the MIME type could not be determined, 129 the MIME type is not supported, 130 <c>application/xml</c> is not supported.</summary>
    [Wire(128), Wire(129), Wire(130), MapsTo(FaxFailureCategory.DocumentError)] UnsupportedType,

    /// <summary>122: a user-simulated document conversion error (test keys, <c>test_fail</c>).</summary>
    [Wire(122), MapsTo(FaxFailureCategory.DocumentError)] Simulated,
}
