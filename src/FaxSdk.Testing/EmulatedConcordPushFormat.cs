namespace FaxSdk.Testing;

/// <summary>The two documented flavours of Concord's push notification.</summary>
public enum EmulatedConcordPushFormat
{
    /// <summary>The HTTP POST form, <c>application/x-www-form-urlencoded</c> (Concord's HttpBodyTemplate fields).</summary>
    Form,

    /// <summary>The SOAP <c>FaxDeliveryNotification</c> in namespace <c>C3FDNS</c>, <c>text/xml</c>.</summary>
    Soap,
}
