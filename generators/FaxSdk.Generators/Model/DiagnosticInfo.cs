using Microsoft.CodeAnalysis;

namespace FaxSdk.Generators.Model
{
    /// <summary>An equatable description of a diagnostic, turned into a real one in the source output step.</summary>
    internal sealed record DiagnosticInfo(string Id, LocationInfo? Location, EquatableArray<string> Arguments)
    {
        public Diagnostic ToDiagnostic() =>
            Diagnostic.Create(DiagnosticDescriptors.ById(Id), Location?.ToLocation(), Arguments.ToArrayOfObjects());
    }

    internal static class EquatableArrayExtensions
    {
        public static object[] ToArrayOfObjects(this EquatableArray<string> items)
        {
            var result = new object[items.Count];
            for (var i = 0; i < items.Count; i++)
            {
                result[i] = items[i];
            }

            return result;
        }
    }
}
