using System.Text.Json;
using FaxSdk.Pantarey;
using FaxSdk.Transport;

namespace FaxSdk.Providers.Tests.Pantarey.Oracle;

/// <summary>
/// The test ORACLE: PantareyPushParser before issue 16 (a flag pass plus the DTO parser), kept unchanged.
/// Reads the status push FaxSdk defines for Pantarey: a JSON body that is the "Query fax status" task output,
/// unchanged, plus <c>"test": true|false</c> (the sandbox flag the job was created with).
/// </summary>
/// <remarks>
/// <para>The output is read by <see cref="PantareyStatusParser"/>, so a pushed status reads exactly as a polled one;
/// the job reference carries the <c>test</c> flag, so the confirming status read asks in the right mode. A body
/// without a boolean <c>test</c> at its root (or with two) is a <see cref="FaxProtocolException"/>: the flag must
/// travel with the job id.</para>
/// <para>Each status comes as an unsigned push (<see cref="FaxPushTrust.Unsigned"/>) with the delivery key
/// <c>pantarey:{jobId}:{status}:{test}</c> (<c>status</c> as sent, <c>test</c> as <c>true</c> or <c>false</c>).
/// Bodies are bounded by <see cref="FaxPayloadLimits"/>.</para>
/// </remarks>
internal static class PantareyPushOracleParser
{
    private const string ProviderId = PantareyStatusParser.ProviderId;

    /// <summary>Reads a push body.</summary>
    /// <param name="utf8Json">The body.</param>
    /// <param name="instance">The receiving instance, for the pushed status's job reference.</param>
    /// <returns>The pushed status.</returns>
    /// <exception cref="FaxProtocolException">The body is not the task output (as <see cref="PantareyStatusParser.Parse"/>
    /// refuses it), has no boolean <c>test</c>, or names an invalid job id.</exception>
    /// <exception cref="ArgumentException"><paramref name="instance"/> is empty.</exception>
    public static FaxPushedStatus Parse(ReadOnlySpan<byte> utf8Json, string instance = FaxJobReference.DefaultInstance)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instance);
        FaxPayloadLimits.Inspect(utf8Json, ProviderId);
        var test = ReadTestFlag(utf8Json, out var problem);
        var status = PantareyOracleParser.Parse(utf8Json, test ?? false);
        if (test is not { } isTest)
        {
            throw new FaxProtocolException(ProviderId, $"{ProviderId}: the push {problem}; FaxSdk's push contract is the \"Query fax status\" output plus \"test\": true|false.");
        }

        if (!FaxJobIds.IsValid(status.JobId))
        {
            throw new FaxProtocolException(ProviderId, $"{ProviderId}: the push names a job id that is not valid ({Bounded(status.JobId)}).");
        }

        return new FaxPushedStatus
        {
            Job = new FaxJobReference(ProviderId, status.JobId, instance, isTest),
            Status = status,
            Trust = FaxPushTrust.Unsigned,
            DeliveryKey = $"{ProviderId}:{status.JobId}:{status.ProviderStatus}:{(isTest ? "true" : "false")}",
        };
    }

    private static string Bounded(string text)
    {
        var cut = text.Length > 64 ? text[..64] + "…" : text;
        return new string([.. cut.Select(c => char.IsControl(c) ? ' ' : c)]);
    }

    /// <summary>The root <c>test</c> boolean, or <see langword="null"/> with the reason when it is missing, not a boolean, repeated, or the JSON is unreadable.</summary>
    private static bool? ReadTestFlag(ReadOnlySpan<byte> utf8Json, out string problem)
    {
        if (utf8Json.StartsWith("\uFEFF"u8))
        {
            utf8Json = utf8Json[3..];
        }

        problem = "has no \"test\"";
        bool? found = null;
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = FaxJson.RecommendedMaxDepth });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1 || !reader.ValueTextEquals("test"u8))
                {
                    continue;
                }

                if (found is not null)
                {
                    problem = "has \"test\" twice";
                    return null;
                }

                reader.Read();
                if (reader.TokenType is not (JsonTokenType.True or JsonTokenType.False))
                {
                    problem = "has a \"test\" that is not true or false";
                    return null;
                }

                found = reader.GetBoolean();
            }
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            // Fixed in the oracle (issue 16): ValueTextEquals throws InvalidOperationException for an escaped name with
            // a lone surrogate, which escaped as a raw exception; the output parser refuses such a body anyway.
            problem = "is not readable JSON";
            return null;
        }

        return found;
    }
}
