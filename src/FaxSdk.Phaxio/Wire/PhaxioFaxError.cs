using FaxSdk.Mapping;

namespace FaxSdk.Phaxio;

/// <summary>Phaxio <c>faxError</c> ids (<c>error_id</c>) whose meaning differs from a plain transmission error.</summary>
[FaxStatusMap]
public enum PhaxioFaxError
{
    /// <summary>Any other id: the category of <see cref="PhaxioErrorType.FaxError"/> (transmission error) applies.</summary>
    [UnknownWire] Unknown = 0,

    /// <summary>7: the far end cannot receive at the image size.</summary>
    [Wire(7), MapsTo(FaxFailureCategory.IncompatibleDestination)] ImageSizeNotSupported,
}
