namespace FaxSdk.Generators.Model
{
    /// <summary>The canonical type an annotated enum maps to.</summary>
    internal enum TargetKind
    {
        JobState,
        RecipientState,
        FailureCategory,
    }

    /// <summary>One wire value: text, and the numeric code when the value was given as an int.</summary>
    internal sealed record WireValue(string Text, int? Code);

    /// <summary>One enum member and what it maps.</summary>
    /// <param name="Name">The member name.</param>
    /// <param name="ConstantValue">The member's constant value as text, to detect aliases.</param>
    /// <param name="Wires">Its wire values, in declaration order.</param>
    /// <param name="CanonicalMember">The target member name, or null to map to the target's Unknown.</param>
    /// <param name="IsUnknown">Whether it is the [UnknownWire] member.</param>
    internal sealed record MemberModel(string Name, string ConstantValue, EquatableArray<WireValue> Wires, string? CanonicalMember, bool IsUnknown);

    /// <summary>Everything the source output needs for one annotated enum; no symbols or syntax.</summary>
    internal sealed record EnumMapModel(
        string? Namespace,
        string Name,
        string FullyQualifiedName,
        string Accessibility,
        bool IgnoreCase,
        TargetKind Target,
        string UnknownMember,
        EquatableArray<MemberModel> Members);

    /// <summary>The transform's result: a model to emit (when there were no errors) and the diagnostics found.</summary>
    internal sealed record EnumMapResult(EnumMapModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);
}
