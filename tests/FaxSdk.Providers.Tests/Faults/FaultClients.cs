using FaxSdk.Concord;
using FaxSdk.Pantarey;
using FaxSdk.Phaxio;
using FaxSdk.Retarus;
using FaxSdk.StoneFax;
using FaxSdk.Testing;
using Microsoft.Extensions.Time.Testing;

namespace FaxSdk.Providers.Tests.Faults;

/// <summary>
/// The real clients built by hand on one plain HttpClient: no IHttpClientFactory pipeline, so no resilience handler
/// retries a fault away and each fault reaches the caller as it is.
/// </summary>
internal static class FaultClients
{
    public static IReadOnlyList<(string Name, IFaxStatusProvider Client)> All(FaxEmulator emulator, HttpClient http)
    {
        var c = emulator.Credentials;
        return
        [
            ("phaxio", new PhaxioStatusProvider(http, new PhaxioOptions { BaseAddress = emulator.PhaxioBaseAddress, ApiKey = c.PhaxioApiKey, ApiSecret = c.PhaxioApiSecret })),
            ("stonefax", new StoneFaxStatusProvider(http, new StoneFaxOptions { BaseAddress = emulator.StoneFaxBaseAddress, Username = c.StoneFaxUsername, Password = c.StoneFaxPassword })),
            ("pantarey", new PantareyStatusProvider(http, new PantareyOptions { BaseAddress = emulator.PantareyEndpoint, BearerToken = c.PantareyBearerToken })),
            ("concord-json", new ConcordStatusProvider(http, new ConcordOptions { BaseAddress = emulator.ConcordEndpoint, UserId = c.ConcordUserId, AccessToken = c.ConcordAccessToken, Transport = ConcordTransport.Json })),
            ("concord-soap", new ConcordStatusProvider(http, new ConcordOptions { BaseAddress = emulator.ConcordEndpoint, UserId = c.ConcordUserId, AccessToken = c.ConcordAccessToken, Transport = ConcordTransport.Soap })),
            ("retarus", Retarus(emulator, http)),
        ];
    }

    public static RetarusStatusProvider Retarus(FaxEmulator emulator, HttpClient http, int deleteAttempts = 1) =>
        new(http, new RetarusOptions
        {
            DataCenters = new Dictionary<string, Uri>(emulator.RetarusDataCenters),
            CustomerNumber = emulator.Credentials.RetarusCustomerNumber,
            Username = emulator.Credentials.RetarusUsername,
            Password = emulator.Credentials.RetarusPassword,
            MaxDeleteAttempts = deleteAttempts,
        });

    /// <summary>One finished job per provider, with the ids the clients above ask for.</summary>
    public static IReadOnlyDictionary<string, EmulatedJob> AddFinishedJobs(FaxEmulator emulator, FakeTimeProvider clock)
    {
        var jobs = new Dictionary<string, EmulatedJob>
        {
            ["phaxio"] = emulator.AddJob(EmulatedJob.Succeeds("phaxio", "2001")),
            ["stonefax"] = emulator.AddJob(EmulatedJob.Succeeds("stonefax", "IAS-F1")),
            ["pantarey"] = emulator.AddJob(EmulatedJob.Succeeds("pantarey", "p-f1")),
            ["concord-json"] = emulator.AddJob(EmulatedJob.Succeeds("concord", "br-f1")),
            ["retarus"] = emulator.AddJob(EmulatedJob.Succeeds("retarus", "FJ-F1")),
        };
        jobs["concord-soap"] = jobs["concord-json"];
        clock.Advance(jobs.Values.Max(j => j.Duration));
        return jobs;
    }
}
