namespace FaxSdk.Concord;

/// <summary>
/// The fields of a Concord push notification (the HTTP POST form or the SOAP <c>FaxDeliveryNotification</c>) as text,
/// gathered on the stack while the form or the XML is read: the template fills them in, and the format of some
/// (delivery time, duration) is not documented. <c>AccountId</c> and <c>ReferenceId</c> are fields but are not kept.
/// </summary>
internal struct ConcordNotificationFields
{
    /// <summary><c>FaxJobId</c>.</summary>
    public string? FaxJobId;

    /// <summary><c>FaxJobStatusId</c>.</summary>
    public string? FaxJobStatusId;

    /// <summary><c>StatusDescription</c>.</summary>
    public string? StatusDescription;

    /// <summary><c>PageCount</c>.</summary>
    public string? PageCount;

    /// <summary><c>FaxDeliveryDateTime</c>.</summary>
    public string? FaxDeliveryDateTime;

    /// <summary><c>FaxDeliveryDuration</c>.</summary>
    public string? FaxDeliveryDuration;

    /// <summary><c>RemoteFaxCSID</c>.</summary>
    public string? RemoteFaxCSID;

    /// <summary><c>ErrorCode</c>.</summary>
    public string? ErrorCode;

    /// <summary><c>ErrorString</c>.</summary>
    public string? ErrorString;

    /// <summary>Whether <paramref name="name"/> is one of the notification's fields (<c>DeliveredImage</c> and anything new are not).</summary>
    /// <param name="name">The field or element name.</param>
    /// <returns><see langword="true"/> for the template's fields.</returns>
    public static bool IsField(string name) => name is "AccountId" or "ReferenceId" or nameof(FaxJobId) or nameof(FaxJobStatusId)
        or nameof(StatusDescription) or nameof(PageCount) or nameof(FaxDeliveryDateTime) or nameof(FaxDeliveryDuration)
        or nameof(RemoteFaxCSID) or nameof(ErrorCode) or nameof(ErrorString);

    /// <summary>Sets a field by its name; other names are ignored.</summary>
    /// <param name="name">The field's name.</param>
    /// <param name="value">Its value.</param>
    /// <param name="keepFirst">Keep a value already set (a form's repeated field: the first counts); otherwise the last counts.</param>
    public void Set(string name, string value, bool keepFirst)
    {
        switch (name)
        {
            case nameof(FaxJobId): Put(ref FaxJobId, value, keepFirst); break;
            case nameof(FaxJobStatusId): Put(ref FaxJobStatusId, value, keepFirst); break;
            case nameof(StatusDescription): Put(ref StatusDescription, value, keepFirst); break;
            case nameof(PageCount): Put(ref PageCount, value, keepFirst); break;
            case nameof(FaxDeliveryDateTime): Put(ref FaxDeliveryDateTime, value, keepFirst); break;
            case nameof(FaxDeliveryDuration): Put(ref FaxDeliveryDuration, value, keepFirst); break;
            case nameof(RemoteFaxCSID): Put(ref RemoteFaxCSID, value, keepFirst); break;
            case nameof(ErrorCode): Put(ref ErrorCode, value, keepFirst); break;
            case nameof(ErrorString): Put(ref ErrorString, value, keepFirst); break;
        }
    }

    private static void Put(ref string? field, string value, bool keepFirst)
    {
        if (!keepFirst || field is null)
        {
            field = value;
        }
    }
}
