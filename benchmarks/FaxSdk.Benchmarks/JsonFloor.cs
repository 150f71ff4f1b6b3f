using System.Text.Json;

namespace FaxSdk.Benchmarks;

/// <summary>The floor: a raw <see cref="Utf8JsonReader"/> walk that touches every token of the payload and builds nothing.</summary>
internal static class JsonFloor
{
    public static int Walk(byte[] payload)
    {
        var reader = new Utf8JsonReader(payload);
        var sum = 0;
        while (reader.Read())
        {
            sum += (int)reader.TokenType + reader.ValueSpan.Length;
        }

        return sum;
    }
}
