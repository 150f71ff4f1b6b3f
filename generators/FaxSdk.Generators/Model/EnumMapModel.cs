namespace FaxSdk.Generators.Model
{
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
}
