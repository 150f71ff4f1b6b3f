namespace FaxSdk.Providers.Tests.Push;

/// <summary>The tests' independent signer (tests/Shared/PhaxioPushes.cs) reproduces WEBHOOKS.md's vectors, so it can judge the emulator.</summary>
public class PhaxioSignatureRecipeTests
{
    [Theory]
    [InlineData("test-webhook-token", 0, "64a735ef0c47a0ae671e381c046648f0966deb29")] // V1
    [InlineData("test-webhook-token", 2, "1d2426c242a8c5de7eb1d9b662b7fda1d0b6edab")] // V2: two empty parts named "file"
    [InlineData("1234567890", 0, "15adeecb7eca79676ece07ee4bc1bbba2c69eddd")] // V3
    public void The_recipe_reproduces_the_documented_vectors(string token, int emptyFiles, string expected)
    {
        var files = Enumerable.Range(0, emptyFiles).Select(_ => ("file", "", Array.Empty<byte>()));

        var signature = PhaxioPushes.Sign(token, "example.com", [("test", "true")], files);

        Assert.Equal(expected, signature);
    }
}
