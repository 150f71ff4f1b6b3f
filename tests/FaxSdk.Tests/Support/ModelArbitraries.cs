using FsCheck;
using FsCheck.Fluent;

namespace FaxSdk.Tests.Support;

/// <summary>
/// FsCheck arbitraries for the canonical model, registered on a property with
/// <c>[Property(Arbitrary = [typeof(ModelArbitraries)])]</c>.
/// </summary>
public static class ModelArbitraries
{
    private static readonly Gen<string?> OptionalText =
        Gen.Frequency(
            (1, Gen.Constant<string?>(null)),
            (3, ArbMap.Default.GeneratorFor<string>().Where(s => s is not null).Select(s => (string?)s)));

    private static readonly Gen<string> Text =
        ArbMap.Default.GeneratorFor<string>().Where(s => s is not null);

    private static readonly Gen<DateTimeOffset?> OptionalTime =
        Gen.Frequency(
            (1, Gen.Constant<DateTimeOffset?>(null)),
            (3, from ticks in Gen.Choose(0, int.MaxValue)
                from offsetMinutes in Gen.Choose(-14 * 60, 14 * 60)
                select (DateTimeOffset?)new DateTimeOffset(
                    new DateTime(2020, 1, 1).AddSeconds(ticks).AddTicks(ticks % 10_000_000),
                    TimeSpan.FromMinutes(offsetMinutes))));

    private static readonly Gen<int?> OptionalCount =
        Gen.Frequency((1, Gen.Constant<int?>(null)), (3, Gen.Choose(0, 500).Select(i => (int?)i)));

    private static Gen<T> EnumValue<T>() where T : struct, Enum => Gen.Elements(Enum.GetValues<T>());

    private static readonly Gen<FaxError?> OptionalError =
        Gen.Frequency(
            (1, Gen.Constant<FaxError?>(null)),
            (2, from category in EnumValue<FaxFailureCategory>()
                from code in OptionalText
                from message in OptionalText
                select (FaxError?)new FaxError(category, code, message)));

    private static readonly Gen<FaxRecipientStatus> Recipient =
        from number in Text
        from name in OptionalText
        from state in EnumValue<FaxRecipientState>()
        from raw in OptionalText
        from attempts in OptionalCount
        from completed in OptionalTime
        from durationTicks in Gen.Frequency((1, Gen.Constant<long?>(null)), (3, Gen.Choose(0, int.MaxValue).Select(i => (long?)i * 13)))
        from csid in OptionalText
        from error in OptionalError
        select new FaxRecipientStatus
        {
            FaxNumber = number,
            Name = name,
            State = state,
            ProviderStatus = raw,
            Attempts = attempts,
            CompletedAt = completed,
            CallDuration = durationTicks is { } t ? TimeSpan.FromTicks(t) : null,
            RemoteCsid = csid,
            Error = error,
        };

    private static readonly Gen<FaxJobStatus> JobStatusGen =
        from provider in Gen.Elements("phaxio", "stonefax", "pantarey", "concord", "retarus", "custom")
        from jobId in Text
        from state in EnumValue<FaxJobState>()
        from raw in OptionalText
        from detail in OptionalText
        from pages in OptionalCount
        from isTest in ArbMap.Default.GeneratorFor<bool>()
        from submitted in OptionalTime
        from started in OptionalTime
        from completed in OptionalTime
        from error in OptionalError
        from count in Gen.Choose(0, 6)
        from recipients in Gen.ArrayOf(Recipient, count)
        select new FaxJobStatus
        {
            Provider = provider,
            JobId = jobId,
            State = state,
            ProviderStatus = raw,
            Detail = detail,
            Pages = pages,
            IsTest = isTest,
            SubmittedAt = submitted,
            StartedAt = started,
            CompletedAt = completed,
            Error = error,
            Recipients = recipients,
        };

    /// <summary>
    /// Any job status, with up to six recipients; a counterexample shrinks by dropping recipients, then by
    /// clearing the optional members one at a time.
    /// </summary>
    public static Arbitrary<FaxJobStatus> JobStatus() => Arb.From(JobStatusGen, Shrink);

    private static IEnumerable<FaxJobStatus> Shrink(FaxJobStatus status)
    {
        for (var i = 0; i < status.Recipients.Count; i++)
        {
            yield return status with { Recipients = [.. status.Recipients.Where((_, j) => j != i)] };
        }

        if (status.Error is not null)
        {
            yield return status with { Error = null };
        }

        if (status.ProviderStatus is not null || status.Detail is not null)
        {
            yield return status with { ProviderStatus = null, Detail = null };
        }

        if (status.SubmittedAt is not null || status.StartedAt is not null || status.CompletedAt is not null)
        {
            yield return status with { SubmittedAt = null, StartedAt = null, CompletedAt = null };
        }

        if (status.Pages is not null)
        {
            yield return status with { Pages = null };
        }
    }
}
