using Microsoft.CodeAnalysis;

namespace FaxSdk.Generators
{
    /// <summary>Placeholder: replaced by the real generator.</summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class FaxStatusMapGenerator : IIncrementalGenerator
    {
        /// <inheritdoc />
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
        }
    }
}
