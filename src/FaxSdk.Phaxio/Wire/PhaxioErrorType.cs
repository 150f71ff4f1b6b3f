using FaxSdk.Mapping;

namespace FaxSdk.Phaxio;

/// <summary>
/// Phaxio's <c>error_type</c> values, with the failure category used when the <c>error_id</c> does not say more
/// (see <see cref="PhaxioLineError"/> and <see cref="PhaxioFaxError"/>).
/// </summary>
[FaxStatusMap]
public enum PhaxioErrorType
{
    /// <summary>Any value Phaxio sends that this version does not know.</summary>
    [UnknownWire] Unknown = 0,

    /// <summary><c>documentConversionError</c>: a problem with the posted file.</summary>
    [Wire("documentConversionError"), MapsTo(FaxFailureCategory.DocumentError)] DocumentConversionError,

    /// <summary><c>lineError</c>: the call could not be placed or completed (refined by <see cref="PhaxioLineError"/>).</summary>
    [Wire("lineError"), MapsTo(FaxFailureCategory.NetworkError)] LineError,

    /// <summary><c>faxError</c>: the T.30 fax communication failed (refined by <see cref="PhaxioFaxError"/>).</summary>
    [Wire("faxError"), MapsTo(FaxFailureCategory.TransmissionError)] FaxError,

    /// <summary><c>fatalError</c>: Phaxio failed internally.</summary>
    [Wire("fatalError"), MapsTo(FaxFailureCategory.ProviderError)] FatalError,

    /// <summary><c>generalError</c>: Phaxio failed internally.</summary>
    [Wire("generalError"), MapsTo(FaxFailureCategory.ProviderError)] GeneralError,
}
