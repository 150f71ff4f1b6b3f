using FaxSdk.Generators.Model;

namespace FaxSdk.Generators.Emit
{
    /// <summary>A wire value given as text, and the member it parses to.</summary>
    internal sealed record TextWire(string Text, MemberModel Member);
}
