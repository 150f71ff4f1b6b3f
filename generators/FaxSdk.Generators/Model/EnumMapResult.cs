namespace FaxSdk.Generators.Model
{
    /// <summary>The transform's result: a model to emit (when there were no errors) and the diagnostics found.</summary>
    internal sealed record EnumMapResult(EnumMapModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);
}
