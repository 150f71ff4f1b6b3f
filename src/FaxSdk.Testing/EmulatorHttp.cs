using System.Buffers;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace FaxSdk.Testing;

/// <summary>Small HTTP helpers shared by the provider emulators.</summary>
internal static class EmulatorHttp
{
    /// <summary>The <see cref="HttpContext.Items"/> key that marks a dry run: answer as usual, change no state.</summary>
    public const string DryRunKey = "FaxSdk.Testing.DryRun";

    /// <summary>Whether the request may change emulator state (false while a fault renders the real answer).</summary>
    public static bool MayChangeState(HttpContext context) => !context.Items.ContainsKey(DryRunKey);

    public static async Task JsonAsync(HttpContext context, int status, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(writer);
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = buffer.WrittenCount;
        await context.Response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted).ConfigureAwait(false);
    }

    public static Task EmptyAsync(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        context.Response.ContentLength = 0;
        return Task.CompletedTask;
    }

    public static bool TryBasic(HttpContext context, out string user, out string password)
    {
        user = password = "";
        if (!AuthenticationHeaderValue.TryParse(context.Request.Headers.Authorization.ToString(), out var header) ||
            !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) || header.Parameter is null)
        {
            return false;
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                return false;
            }

            (user, password) = (decoded[..colon], decoded[(colon + 1)..]);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    public static string? Bearer(HttpContext context) =>
        AuthenticationHeaderValue.TryParse(context.Request.Headers.Authorization.ToString(), out var header) &&
        string.Equals(header.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase)
            ? header.Parameter
            : null;

    public static bool IsActive(EmulatedPhase phase) => phase is EmulatedPhase.Dialing or EmulatedPhase.Transmitting or EmulatedPhase.RetryScheduled;
}
