using FaxSdk.Mapping;

namespace FaxSdk.Retarus;

/// <summary>Retarus transmission result codes that mean delivery failed (after Retarus' own retries), by meaning.</summary>
[FaxStatusMap]
public enum RetarusFailureCode
{
    /// <summary>A code this version does not know.</summary>
    [UnknownWire] Unknown = 0,

    /// <summary><c>BUSY</c>.</summary>
    [Wire("BUSY"), MapsTo(FaxFailureCategory.Busy)] Busy,

    /// <summary><c>RING_TO</c> ring timeout, <c>WOUT_TO</c> no reaction after dialling.</summary>
    [Wire("RING_TO"), Wire("WOUT_TO"), MapsTo(FaxFailureCategory.NoAnswer)] NoAnswer,

    /// <summary><c>NOFAX</c>, <c>NOFAX_DIS</c>, <c>NOFAX_TO</c>: a person, machine or modem answered, or no fax signal.</summary>
    [Wire("NOFAX"), Wire("NOFAX_DIS"), Wire("NOFAX_TO"), MapsTo(FaxFailureCategory.NotAFaxDevice)] NoFax,

    /// <summary><c>WRONG_NO</c>, <c>DIAL_NC</c>, <c>CHANGED_NO</c>.</summary>
    [Wire("WRONG_NO"), Wire("DIAL_NC"), Wire("CHANGED_NO"), MapsTo(FaxFailureCategory.InvalidNumber)] InvalidNumber,

    /// <summary><c>BLACKLIST</c> (Robinson list / ECOFAX), <c>PBLACKLIST</c> (own block list).</summary>
    [Wire("BLACKLIST"), Wire("PBLACKLIST"), MapsTo(FaxFailureCategory.Rejected)] Blacklisted,

    /// <summary><c>DIAL_GF</c> connection set-up error, <c>COMERROR</c> communication error.</summary>
    [Wire("DIAL_GF"), Wire("COMERROR"), MapsTo(FaxFailureCategory.NetworkError)] Network,

    /// <summary><c>NO_TRAIN</c>, <c>FANS_GF</c>, <c>NO_REMOTEINFO</c>, <c>REM_DIS</c>, <c>PAGE_SEND_ERROR</c> (also <c>PAGE_SEND_ERR</c>), <c>BAD_LINES</c>.</summary>
    [Wire("NO_TRAIN"), Wire("FANS_GF"), Wire("NO_REMOTEINFO"), Wire("REM_DIS"), Wire("PAGE_SEND_ERROR"), Wire("PAGE_SEND_ERR"), Wire("BAD_LINES"), MapsTo(FaxFailureCategory.TransmissionError)] Transmission,

    /// <summary><c>EOD_FAILED</c>: end of transmission not confirmed; the fax has probably arrived.</summary>
    [Wire("EOD_FAILED"), MapsTo(FaxFailureCategory.UnconfirmedDelivery)] EndOfDocumentFailed,

    /// <summary><c>RENDERING_ERROR</c>, <c>TIFF_PAGE_ERR</c>, <c>MISSING_FAX_FILE</c>, <c>UNKNOWN_FAX_FILE</c>.</summary>
    [Wire("RENDERING_ERROR"), Wire("TIFF_PAGE_ERR"), Wire("MISSING_FAX_FILE"), Wire("UNKNOWN_FAX_FILE"), MapsTo(FaxFailureCategory.DocumentError)] Document,
}
