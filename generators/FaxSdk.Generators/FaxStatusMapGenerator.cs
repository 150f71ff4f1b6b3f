using FaxSdk.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FaxSdk.Generators
{
    /// <summary>
    /// Turns each <c>[FaxStatusMap]</c> enum into a static <c>{Enum}Map</c> class: allocation-free parsing of wire
    /// values, formatting, the canonical value of each member and a JSON converter. Errors in the attributes are
    /// reported as FAXGEN001–FAXGEN005 and suppress the output for that enum.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class FaxStatusMapGenerator : IIncrementalGenerator
    {
        /// <summary>The attribute that marks an enum for this generator.</summary>
        public const string AttributeName = "FaxSdk.Mapping.FaxStatusMapAttribute";

        /// <inheritdoc />
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var results = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    AttributeName,
                    static (node, _) => node is EnumDeclarationSyntax,
                    static (ctx, cancellationToken) => ModelBuilder.Build(ctx, cancellationToken))
                .Where(static result => result is not null)
                .Select(static (result, _) => result!)
                .WithTrackingName(TrackingNames.Results);

            var diagnostics = results
                .Select(static (result, _) => result.Diagnostics)
                .WithTrackingName(TrackingNames.Diagnostics);
            context.RegisterSourceOutput(diagnostics, static (spc, items) =>
            {
                foreach (var item in items)
                {
                    spc.ReportDiagnostic(item.ToDiagnostic());
                }
            });

            var models = results
                .Where(static result => result.Model is not null)
                .Select(static (result, _) => result.Model!)
                .WithTrackingName(TrackingNames.Models);
            context.RegisterSourceOutput(models, static (spc, model) =>
                spc.AddSource(SourceWriter.HintName(model), SourceWriter.Write(model)));
        }
    }
}
