namespace FaxSdk.Mapping;

/// <summary>One row of a generated mapping table: a wire value, the enum member it parses to, and that member's canonical value.</summary>
/// <typeparam name="TEnum">The provider enum.</typeparam>
/// <typeparam name="TCanonical">The canonical target type.</typeparam>
/// <param name="Wire">The wire value as text (a numeric code in invariant decimal form).</param>
/// <param name="Code">The numeric code, when the wire value is numeric.</param>
/// <param name="Value">The enum member.</param>
/// <param name="Canonical">The canonical value the member maps to.</param>
/// <param name="IsPrimary">Whether this is the member's first wire value, the one <c>ToWire()</c> writes.</param>
public readonly record struct WireMapEntry<TEnum, TCanonical>(string Wire, int? Code, TEnum Value, TCanonical Canonical, bool IsPrimary)
    where TEnum : struct, Enum
    where TCanonical : struct, Enum;
