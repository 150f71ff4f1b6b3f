namespace FaxSdk.Generators
{
    /// <summary>The names of the generator's tracked pipeline steps (for incremental-cache tests).</summary>
    public static class TrackingNames
    {
        /// <summary>The equatable model (and diagnostics) of each annotated enum.</summary>
        public const string Results = "FaxStatusMapResults";

        /// <summary>The diagnostics of each annotated enum.</summary>
        public const string Diagnostics = "FaxStatusMapDiagnostics";

        /// <summary>The models of the enums without errors, to emit.</summary>
        public const string Models = "FaxStatusMapModels";

        /// <summary>All step names.</summary>
        public static readonly string[] All = { Results, Diagnostics, Models };
    }
}
