using FaxSdk.Mapping;

namespace FaxSdk.Phaxio;

/// <summary>
/// Phaxio <c>faxError</c> ids (<c>error_id</c>), by meaning: the whole documented list (Phaxio's "Error Messages" page,
/// the same ids as Sinch's <c>FAX_ERROR</c> codes). Ids whose category is <see cref="FaxFailureCategory.TransmissionError"/>
/// are listed under <see cref="Transmission"/>; an id not listed takes the category of
/// <see cref="PhaxioErrorType.FaxError"/> (transmission error).
/// </summary>
[FaxStatusMap]
public enum PhaxioFaxError
{
    /// <summary>An id not listed here (for example 79, "can't cancel the fax, it's already complete", which is an answer to a cancel request, not a fax outcome).</summary>
    [UnknownWire] Unknown = 0,

    /// <summary>75 manually canceled by user (or through the API), 76 canceled automatically because the fax's <c>cancel_timeout</c> passed. Not retryable: someone chose to stop it.</summary>
    [Wire(75), Wire(76), MapsTo(FaxFailureCategory.Canceled)] Canceled,

    /// <summary>7 far end cannot receive at the image size, 25 at the image resolution, 31 fax machine incompatibility, 68 far end not compatible.</summary>
    [Wire(7), Wire(25), Wire(31), Wire(68), MapsTo(FaxFailureCategory.IncompatibleDestination)] IncompatibleDestination,

    /// <summary>13 timed out waiting for the first message, 14 timed out waiting for initial communication, 26 the remote fax machine failed to respond, 80 DCN while waiting for DIS, 132 no fax tone detected: no fax machine answered.</summary>
    [Wire(13), Wire(14), Wire(26), Wire(80), Wire(132), MapsTo(FaxFailureCategory.NotAFaxDevice)] NotAFaxDevice,

    /// <summary>48: no answer (the receiving machine may be out of paper).</summary>
    [Wire(48), MapsTo(FaxFailureCategory.NoAnswer)] NoAnswer,

    /// <summary>40, 44: telephony error.</summary>
    [Wire(40), Wire(44), MapsTo(FaxFailureCategory.NetworkError)] TelephonyError,

    /// <summary>46: insufficient funds and no automatic recharge (or the card could not be charged). Not retryable until the account is fixed.</summary>
    [Wire(46), MapsTo(FaxFailureCategory.AccountError)] InsufficientFunds,

    /// <summary>113: the fax's file has been deleted or is not accessible. Not retryable unchanged.</summary>
    [Wire(113), MapsTo(FaxFailureCategory.DocumentError)] FileNotAccessible,

    /// <summary>133: the phone number is not permitted. Not retryable.</summary>
    [Wire(133), MapsTo(FaxFailureCategory.Rejected)] NumberNotPermitted,

    /// <summary>
    /// The T.30 failures during negotiation or page transfer: 6, 82 error communicating with the far side; 8, 21 no
    /// response after / DCN after sending a page; 10 disconnected after permitted retries; 12, 22 no or bad response to
    /// DCS/TCF or training; 18 unexpected message; 20 HDLC carrier did not stop; 28 failed to train; 29 invalid response
    /// after a page; 38 the remote machine hung up before receiving; 41 unexpected DCN while waiting for DCS or DIS;
    /// 53 unexpected DCN after EOM or MPS; 60 transmission error after page break; 63 fax protocol error; 77 timed out
    /// waiting for receiver ready (ECM); 84 unexpected command after page; 117 no pages received; 119 user-requested
    /// simulated faxError; 131 incomplete transmission.
    /// </summary>
    [Wire(6), Wire(8), Wire(10), Wire(12), Wire(18), Wire(20), Wire(21), Wire(22), Wire(28), Wire(29), Wire(38), Wire(41), Wire(53), Wire(60), Wire(63), Wire(77), Wire(82), Wire(84), Wire(117), Wire(119), Wire(131), MapsTo(FaxFailureCategory.TransmissionError)] Transmission,
}
