namespace FaxSdk.Generators.Model
{
    /// <summary>One enum member and what it maps.</summary>
    /// <param name="Name">The member name.</param>
    /// <param name="ConstantValue">The member's constant value as text, to detect aliases.</param>
    /// <param name="Wires">Its wire values, in declaration order.</param>
    /// <param name="CanonicalMember">The target member name, or null to map to the target's Unknown.</param>
    /// <param name="IsUnknown">Whether it is the [UnknownWire] member.</param>
    internal sealed record MemberModel(string Name, string ConstantValue, EquatableArray<WireValue> Wires, string? CanonicalMember, bool IsUnknown);
}
