namespace FaxSdk.Pantarey;

/// <summary>One element of <c>recipients</c> as read; a <see langword="null"/> element is kept as such (it is reported, not skipped).</summary>
internal readonly record struct PantareyRecipientFields(bool IsNull, string? FaxNumber, int? ResultCode, string? ResultText);
