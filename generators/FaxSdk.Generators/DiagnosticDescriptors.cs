using Microsoft.CodeAnalysis;

namespace FaxSdk.Generators
{
    /// <summary>The generator's diagnostic catalogue. Ids are stable; each has a section in docs/diagnostics.md.</summary>
    public static class DiagnosticDescriptors
    {
        private const string Category = "FaxSdk.Mapping";
        private const string HelpBase = "https://github.com/faxsdk/faxsdk/blob/main/docs/diagnostics.md#";

        /// <summary>FAXGEN001: a member has no [MapsTo].</summary>
        public static readonly DiagnosticDescriptor MissingMapsTo = Create(
            "FAXGEN001",
            "Status member has no [MapsTo]",
            "'{0}.{1}' has no [MapsTo]: say which canonical value it maps to, or mark it [UnknownWire] if it stands for unrecognised values");

        /// <summary>FAXGEN002: the same wire value twice in one enum.</summary>
        public static readonly DiagnosticDescriptor DuplicateWire = Create(
            "FAXGEN002",
            "Duplicate wire value",
            "Wire value '{0}' on '{1}.{2}' is already used by '{1}.{3}'{4}");

        /// <summary>FAXGEN003: no [UnknownWire] member, or more than one.</summary>
        public static readonly DiagnosticDescriptor UnknownWireCount = Create(
            "FAXGEN003",
            "Exactly one [UnknownWire] member is required",
            "'{0}' {1}");

        /// <summary>FAXGEN004: a member has no [Wire].</summary>
        public static readonly DiagnosticDescriptor MissingWire = Create(
            "FAXGEN004",
            "Status member has no [Wire]",
            "'{0}.{1}' has no [Wire]: add the value the provider sends for it");

        /// <summary>FAXGEN005: [MapsTo] targets of different types in one enum.</summary>
        public static readonly DiagnosticDescriptor MixedTargets = Create(
            "FAXGEN005",
            "[MapsTo] targets of different types",
            "'{0}.{1}' maps to {2}, but '{0}.{3}' maps to {4}: all members of one enum map to the same canonical type");

        internal static DiagnosticDescriptor ById(string id) => id switch
        {
            "FAXGEN001" => MissingMapsTo,
            "FAXGEN002" => DuplicateWire,
            "FAXGEN003" => UnknownWireCount,
            "FAXGEN004" => MissingWire,
            _ => MixedTargets,
        };

        private static DiagnosticDescriptor Create(string id, string title, string message) =>
            new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + id.ToLowerInvariant());
    }
}
