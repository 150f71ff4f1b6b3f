namespace FaxSdk.Generators.Model
{
    /// <summary>The canonical type an annotated enum maps to.</summary>
    internal enum TargetKind
    {
        JobState,
        RecipientState,
        FailureCategory,
    }
}
