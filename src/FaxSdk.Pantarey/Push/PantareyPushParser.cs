using FaxSdk.Transport;

namespace FaxSdk.Pantarey;

/// <summary>
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
public static class PantareyPushParser
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

        // One pass reads the output and notes the root "test"; the output's own errors come first, as they always have.
        var status = PantareyOutputReader.Read(utf8Json, isTest: null, out var testFlag);
        if (testFlag.Value is not { } isTest)
        {
            throw new FaxProtocolException(ProviderId, $"{ProviderId}: the push {testFlag.Problem}; FaxSdk's push contract is the \"Query fax status\" output plus \"test\": true|false.");
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
}
