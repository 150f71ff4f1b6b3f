namespace FaxSdk.Fuzz.Tests;

/// <summary>One public parser under fuzzing.</summary>
/// <param name="Provider">The provider id (which fixtures seed it).</param>
/// <param name="Name">The parser, as a user would call it.</param>
/// <param name="Parse">Runs the parser; the token is the per-input time budget (parsers that take one get it).</param>
internal sealed record FuzzTarget(string Provider, string Name, Func<byte[], CancellationToken, IReadOnlyList<FaxJobStatus>> Parse)
{
    public override string ToString() => Name;
}
