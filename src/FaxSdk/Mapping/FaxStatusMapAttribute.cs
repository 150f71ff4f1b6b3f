namespace FaxSdk.Mapping;

/// <summary>
/// Marks a provider status enum for the FaxSdk source generator, which emits a static <c>{Enum}Map</c> class with
/// allocation-free parsing of wire values (<c>Parse</c>, <c>TryParse</c>, <c>ParseUtf8</c>, <c>TryParseUtf8</c>,
/// <c>FromCode</c>, <c>TryFromCode</c>), <c>ToWire</c>, <c>ToCanonical</c>, <c>IsTerminal</c> or <c>IsRetryable</c>,
/// an <c>Entries</c> table and a <c>JsonConverter</c>.
/// </summary>
/// <remarks>
/// Every member needs at least one <see cref="WireAttribute"/> and one <see cref="MapsToAttribute"/>, all to the same
/// target type, except the single member marked <see cref="UnknownWireAttribute"/>. Mistakes are compile-time errors
/// FAXGEN001 to FAXGEN005 (see docs/diagnostics.md).
/// </remarks>
[AttributeUsage(AttributeTargets.Enum, AllowMultiple = false, Inherited = false)]
public sealed class FaxStatusMapAttribute : Attribute
{
    /// <summary>
    /// Whether wire strings match regardless of ASCII letter case (the default). Only ASCII letters are folded;
    /// every other character must match exactly, in UTF-16 and UTF-8 alike.
    /// </summary>
    public bool IgnoreCase { get; set; } = true;
}
