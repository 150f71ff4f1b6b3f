using FaxSdk.Generators.Model;

namespace FaxSdk.Generators.Emit
{
    /// <summary>A wire value given as a numeric code, and the member it parses to.</summary>
    internal sealed record CodeWire(int Code, MemberModel Member);
}
