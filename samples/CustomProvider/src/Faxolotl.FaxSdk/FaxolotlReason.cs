using FaxSdk;
using FaxSdk.Mapping;

namespace Faxolotl;

/// <summary>Faxolotl's failure <c>reason</c> values, mapped to the FaxSdk failure taxonomy.</summary>
[FaxStatusMap]
public enum FaxolotlReason
{
    /// <summary>Any value this version does not know.</summary>
    [UnknownWire] Unknown = 0,

    /// <summary><c>busy</c>.</summary>
    [Wire("busy"), MapsTo(FaxFailureCategory.Busy)] Busy,

    /// <summary><c>no_answer</c>.</summary>
    [Wire("no_answer"), MapsTo(FaxFailureCategory.NoAnswer)] NoAnswer,

    /// <summary><c>not_a_fax</c>: a voice line or modem answered.</summary>
    [Wire("not_a_fax"), MapsTo(FaxFailureCategory.NotAFaxDevice)] NotAFax,

    /// <summary><c>bad_number</c>: the number does not exist.</summary>
    [Wire("bad_number"), MapsTo(FaxFailureCategory.InvalidNumber)] BadNumber,

    /// <summary><c>rejected</c>: the far end refused the call.</summary>
    [Wire("rejected"), MapsTo(FaxFailureCategory.Rejected)] Rejected,

    /// <summary><c>line_error</c>: the network failed.</summary>
    [Wire("line_error"), MapsTo(FaxFailureCategory.NetworkError)] LineError,

    /// <summary><c>bad_document</c>: the document could not be rendered.</summary>
    [Wire("bad_document"), MapsTo(FaxFailureCategory.DocumentError)] BadDocument,

    /// <summary><c>no_credit</c>: the account is out of credit.</summary>
    [Wire("no_credit"), MapsTo(FaxFailureCategory.AccountError)] NoCredit,
}
