using FaxSdk.Mapping;

namespace FaxSdk.StoneFax;

/// <summary>ITU-T Q.850 (Q.931) cause values, as StoneFax reports them in <c>Q931Code</c>, by meaning for a fax sender.</summary>
[FaxStatusMap]
public enum Q931Cause
{
    /// <summary>A cause not listed here.</summary>
    [UnknownWire] Unknown = 0,

    /// <summary>17 user busy.</summary>
    [Wire(17), MapsTo(FaxFailureCategory.Busy)] UserBusy,

    /// <summary>18 no user responding, 19 no answer from user (alerted), 20 subscriber absent.</summary>
    [Wire(18), Wire(19), Wire(20), MapsTo(FaxFailureCategory.NoAnswer)] NoAnswer,

    /// <summary>1 unallocated number, 2 no route to transit network, 3 no route to destination, 4 special information tone, 22 number changed, 28 invalid number format.</summary>
    [Wire(1), Wire(2), Wire(3), Wire(4), Wire(22), Wire(28), MapsTo(FaxFailureCategory.InvalidNumber)] InvalidNumber,

    /// <summary>21 call rejected, 29 facility rejected.</summary>
    [Wire(21), Wire(29), MapsTo(FaxFailureCategory.Rejected)] CallRejected,

    /// <summary>27 destination out of order, 34 no circuit available, 38 network out of order, 41 temporary failure, 42 congestion, 44 channel not available, 47 resources unavailable, 102 timer expiry, 111 protocol error, 127 interworking.</summary>
    [Wire(27), Wire(34), Wire(38), Wire(41), Wire(42), Wire(44), Wire(47), Wire(102), Wire(111), Wire(127), MapsTo(FaxFailureCategory.NetworkError)] Network,

    /// <summary>16 normal call clearing during a fax that did not complete.</summary>
    [Wire(16), MapsTo(FaxFailureCategory.TransmissionError)] NormalClearing,

    /// <summary>57, 58, 65 bearer capability not authorised/available/implemented, 88 incompatible destination.</summary>
    [Wire(57), Wire(58), Wire(65), Wire(88), MapsTo(FaxFailureCategory.IncompatibleDestination)] IncompatibleDestination,
}
