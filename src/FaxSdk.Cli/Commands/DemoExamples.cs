namespace FaxSdk.Cli.Commands;

/// <summary>Built-in examples of what each provider reports, already read into the canonical model.</summary>
internal static class DemoExamples
{
    public static IEnumerable<FaxJobStatus> Create()
    {
        var at = new DateTimeOffset(2026, 11, 2, 9, 30, 0, TimeSpan.Zero);

        // Pantarey: "finished" does not mean every recipient got the fax.
        yield return new FaxJobStatus
        {
            Provider = "pantarey",
            JobId = "0d139d2c-4a10-11f1-b04d-001851328a39",
            State = FaxJobState.Succeeded,
            ProviderStatus = "finished",
            Pages = 1,
            Recipients =
            [
                new FaxRecipientStatus { FaxNumber = "0049530000000", State = FaxRecipientState.Succeeded, ProviderStatus = "0" },
                new FaxRecipientStatus
                {
                    FaxNumber = "0049530000001",
                    State = FaxRecipientState.Failed,
                    ProviderStatus = "17",
                    Error = new FaxError(FaxFailureCategory.Busy, "17", "Busy"),
                },
            ],
        };

        // Phaxio: a recipient the provider will call again.
        yield return new FaxJobStatus
        {
            Provider = "phaxio",
            JobId = "323034813",
            State = FaxJobState.InProgress,
            ProviderStatus = "inprogress",
            SubmittedAt = at,
            Recipients =
            [
                new FaxRecipientStatus
                {
                    FaxNumber = "+15558675309",
                    State = FaxRecipientState.RetryScheduled,
                    ProviderStatus = "willretry",
                    Attempts = 1,
                },
            ],
        };

        // Imagicle StoneFax: one Q.931 cause for a single-recipient fax fills job and recipient alike.
        yield return new FaxJobStatus
        {
            Provider = "stonefax",
            JobId = "IAS-N1_6a504a1d-12d6-44a7-a249-db6c4389f413_0",
            State = FaxJobState.Failed,
            ProviderStatus = "Failed",
            Error = new FaxError(FaxFailureCategory.InvalidNumber, "1", "Unallocated number"),
            Recipients = [new FaxRecipientStatus { FaxNumber = "10002", Name = "Mario Rossi", State = FaxRecipientState.Failed, ProviderStatus = "Failed" }],
        };

        // Retarus: end of transmission not confirmed; the fax probably arrived, so never resend automatically.
        yield return new FaxJobStatus
        {
            Provider = "retarus",
            JobId = "FJJ5Y09UM505ZZBIELCRYC",
            State = FaxJobState.Failed,
            Pages = 1,
            Recipients =
            [
                new FaxRecipientStatus
                {
                    FaxNumber = "+498912345678900",
                    State = FaxRecipientState.Failed,
                    ProviderStatus = "EOD_FAILED",
                    CallDuration = TimeSpan.FromSeconds(19),
                    Error = new FaxError(FaxFailureCategory.UnconfirmedDelivery, "EOD_FAILED", "End of transmission not confirmed"),
                },
            ],
        };

        // Concord: status id 3 is "being processed"; one Concord job is one recipient.
        yield return new FaxJobStatus
        {
            Provider = "concord",
            JobId = "br0123456789",
            State = FaxJobState.InProgress,
            ProviderStatus = "3",
        };
    }
}
