using FaxSdk.Mapping;

namespace FaxSdk.Phaxio;

/// <summary>Phaxio <c>lineError</c> ids (<c>error_id</c>), by meaning: the whole documented list.</summary>
[FaxStatusMap]
public enum PhaxioLineError
{
    /// <summary>An id not listed here: the category of <see cref="PhaxioErrorType.LineError"/> applies.</summary>
    [UnknownWire] Unknown = 0,

    /// <summary>17: busy.</summary>
    [Wire(17), MapsTo(FaxFailureCategory.Busy)] Busy,

    /// <summary>16 ring timeout, 30 and 87 no answer from fax machine, 112 no answer.</summary>
    [Wire(16), Wire(30), Wire(87), Wire(112), MapsTo(FaxFailureCategory.NoAnswer)] NoAnswer,

    /// <summary>34 number not operational, 49 receiving number not operational, 73 and 115 number changed.</summary>
    [Wire(34), Wire(49), Wire(73), Wire(115), MapsTo(FaxFailureCategory.InvalidNumber)] InvalidNumber,

    /// <summary>50: call rejected.</summary>
    [Wire(50), MapsTo(FaxFailureCategory.Rejected)] CallRejected,

    /// <summary>15 congestion, 43 problem establishing connection, 52 no route, 88 and 110 network error, 100 remote carrier problem.</summary>
    [Wire(15), Wire(43), Wire(52), Wire(88), Wire(100), Wire(110), MapsTo(FaxFailureCategory.NetworkError)] Network,

    /// <summary>11 call dropped prematurely, 19 immediate hang-up.</summary>
    [Wire(11), Wire(19), MapsTo(FaxFailureCategory.TransmissionError)] CallDropped,

    /// <summary>32: incompatible destination.</summary>
    [Wire(32), MapsTo(FaxFailureCategory.IncompatibleDestination)] IncompatibleDestination,

    /// <summary>121: a user-requested simulated lineError (test keys, <c>test_fail</c>); treated like any line error.</summary>
    [Wire(121), MapsTo(FaxFailureCategory.NetworkError)] Simulated,
}
