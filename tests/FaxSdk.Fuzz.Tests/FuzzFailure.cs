namespace FaxSdk.Fuzz.Tests;

/// <summary>One broken promise, with what reproduces it.</summary>
/// <param name="Target">The parser.</param>
/// <param name="Kind">What went wrong, e.g. <c>threw NullReferenceException</c> (the signature failures are grouped by).</param>
/// <param name="Detail">More about it (the exception message, the numbers).</param>
/// <param name="Input">The smallest input found that still fails the same way.</param>
/// <param name="OriginalLength">The length of the mutated input before shrinking.</param>
/// <param name="MutationSeed">The seed of the mutation (with <see cref="FuzzSettings.Seed"/> and the fixture, it regenerates the input).</param>
/// <param name="Fixture">The fixture mutated.</param>
/// <param name="Mutations">The mutations applied.</param>
internal sealed record FuzzFailure(string Target, string Kind, string Detail, byte[] Input, int OriginalLength, int MutationSeed, string Fixture, string Mutations)
{
    /// <summary>The reproducer printed with a failing test.</summary>
    public override string ToString()
    {
        var input = Input.Length <= 8 * 1024
            ? Convert.ToBase64String(Input)
            : $"({Input.Length} bytes: too long to print; regenerate it with the mutation seed)";
        return $"""
            [{Target}] {Kind}: {Detail}
              fixture {Fixture}, mutations {Mutations}, mutation seed {MutationSeed} (FAXSDK_FUZZ_SEED={FuzzSettings.Seed})
              minimal input ({Input.Length} of {OriginalLength} bytes), base64: {input}
            """;
    }
}
