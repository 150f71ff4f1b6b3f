namespace FaxSdk.StoneFax;

/// <summary>A recipient as read: StoneFax reports no per-recipient outcome, only the name and number.</summary>
internal readonly record struct StoneFaxRecipientFields(string? Name, string? FaxNumber);
