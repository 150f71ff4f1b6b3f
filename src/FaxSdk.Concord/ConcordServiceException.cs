namespace FaxSdk.Concord;

/// <summary>Concord answered <c>return: false</c>: the whole call failed (authentication, bad request, …).</summary>
public sealed class ConcordServiceException : FaxSdkException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="errorCode">The outer <c>WSError.ErrorCode</c>.</param>
    /// <param name="errorString">The outer <c>WSError.ErrorString</c>.</param>
    public ConcordServiceException(int errorCode, string? errorString)
        : base(ConcordStatusParser.ProviderId, $"{ConcordStatusParser.ProviderId}: GetFaxStatus failed: {errorString} (WSError {errorCode}).")
    {
        ErrorCode = errorCode;
        ErrorString = errorString;
    }

    /// <summary>The outer <c>WSError.ErrorCode</c>.</summary>
    public int ErrorCode { get; }

    /// <summary>The outer <c>WSError.ErrorString</c>.</summary>
    public string? ErrorString { get; }
}
