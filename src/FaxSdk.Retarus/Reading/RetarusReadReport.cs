namespace FaxSdk.Retarus.Reading;

/// <summary>One report as read from the wire, JSON or XML: its canonical status and what only some callers keep.</summary>
/// <param name="Status">The canonical status (the outcome rule applied).</param>
/// <param name="BillingCode">The reference's <c>billingCode</c>; read only for <see cref="FaxReport.Properties"/>.</param>
/// <param name="BillingInfo">The reference's <c>billingInfo</c>; read only for <see cref="FaxReport.Properties"/>.</param>
/// <param name="NumIds">Each recipient's <c>numId</c>, in order; read only for the status push's delivery key.</param>
internal readonly record struct RetarusReadReport(FaxJobStatus Status, string? BillingCode, string? BillingInfo, string?[]? NumIds);
