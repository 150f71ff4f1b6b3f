using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace FaxSdk.Generators.Model
{
    /// <summary>An equatable stand-in for <see cref="Location"/> (which must not be cached in pipeline models).</summary>
    internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
    {
        public static LocationInfo? From(Location? location) =>
            location is null || location.SourceTree is null
                ? null
                : new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);

        public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);
    }
}
