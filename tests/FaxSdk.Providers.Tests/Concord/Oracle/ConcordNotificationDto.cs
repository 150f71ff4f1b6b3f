namespace FaxSdk.Providers.Tests.Concord.Oracle;

/// <summary>
/// The fields of a Concord push notification (the HTTP POST form or the SOAP <c>FaxDeliveryNotification</c>), as
/// text: the template fills them in, and the format of some (delivery time, duration) is not documented.
/// </summary>
internal sealed class ConcordNotificationDto
{
    public string? AccountId { get; set; }

    public string? ReferenceId { get; set; }

    public string? FaxJobId { get; set; }

    public string? FaxJobStatusId { get; set; }

    public string? StatusDescription { get; set; }

    public string? PageCount { get; set; }

    public string? FaxDeliveryDateTime { get; set; }

    public string? FaxDeliveryDuration { get; set; }

    public string? RemoteFaxCSID { get; set; }

    public string? ErrorCode { get; set; }

    public string? ErrorString { get; set; }

    /// <summary>Sets a field by its name; other names (<c>DeliveredImage</c>, anything new) are ignored.</summary>
    /// <returns>Whether the name is one of the notification's fields.</returns>
    public bool Set(string name, string value)
    {
        switch (name)
        {
            case nameof(AccountId): AccountId = value; break;
            case nameof(ReferenceId): ReferenceId = value; break;
            case nameof(FaxJobId): FaxJobId = value; break;
            case nameof(FaxJobStatusId): FaxJobStatusId = value; break;
            case nameof(StatusDescription): StatusDescription = value; break;
            case nameof(PageCount): PageCount = value; break;
            case nameof(FaxDeliveryDateTime): FaxDeliveryDateTime = value; break;
            case nameof(FaxDeliveryDuration): FaxDeliveryDuration = value; break;
            case nameof(RemoteFaxCSID): RemoteFaxCSID = value; break;
            case nameof(ErrorCode): ErrorCode = value; break;
            case nameof(ErrorString): ErrorString = value; break;
            default: return false;
        }

        return true;
    }

    /// <summary>Whether <paramref name="name"/> is a field <see cref="Set"/> keeps.</summary>
    public static bool IsField(string name) => name is nameof(AccountId) or nameof(ReferenceId) or nameof(FaxJobId) or nameof(FaxJobStatusId)
        or nameof(StatusDescription) or nameof(PageCount) or nameof(FaxDeliveryDateTime) or nameof(FaxDeliveryDuration)
        or nameof(RemoteFaxCSID) or nameof(ErrorCode) or nameof(ErrorString);
}
