using System.Text.Json;
using FaxSdk.Concord;
using FaxSdk.Pantarey;
using FaxSdk.Phaxio;
using FaxSdk.Retarus;
using FaxSdk.StoneFax;
using FaxSdk.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace FaxSdk.Providers.Tests.Faults;

/// <summary>The configuration the emulator hands out binds to the providers' options and reaches every default job.</summary>
public class EmulatorConfigurationTests
{
    [Fact]
    public async Task The_configuration_binds_to_each_providers_options_and_reaches_every_default_job()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        await using var emulator = await FaxEmulator.StartAsync(new FaxEmulatorOptions { TimeProvider = clock });
        var jobs = emulator.SeedDefaultJobs();
        clock.Advance(jobs.Max(j => j.Duration));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(emulator.CreateConfiguration()).Build();
        T Bind<T>(string section)
            where T : new()
        {
            var options = new T();
            configuration.GetSection($"FaxSdk:{section}").Bind(options, o => o.ErrorOnUnknownConfiguration = true);
            return options;
        }

        using var http = new HttpClient();
        var retarus = Bind<RetarusOptions>("Retarus");
        var clients = new Dictionary<string, IFaxStatusProvider>
        {
            ["phaxio"] = new PhaxioStatusProvider(http, Bind<PhaxioOptions>("Phaxio")),
            ["stonefax"] = new StoneFaxStatusProvider(http, Bind<StoneFaxOptions>("StoneFax")),
            ["pantarey"] = new PantareyStatusProvider(http, Bind<PantareyOptions>("Pantarey")),
            ["concord"] = new ConcordStatusProvider(http, Bind<ConcordOptions>("Concord")),
            ["retarus"] = new RetarusStatusProvider(http, retarus),
        };

        Assert.Equal(["DE1", "DE2"], retarus.ResolveDataCenters().Select(d => d.Key));
        var services = new ServiceCollection();
        var fax = services.AddFaxSdk(configuration);
        Assert.All(FaxEmulator.ProviderDescriptors, d => Assert.Equal([FaxJobReference.DefaultInstance], d.AddConfiguredInstances(fax)));
        await using (var validated = services.BuildServiceProvider())
        {
            validated.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate();
        }

        foreach (var job in jobs)
        {
            var status = await clients[job.Provider].GetStatusAsync(new FaxJobReference(job.Provider, job.JobId, isTest: job.IsTest));
            Assert.Equal((job.JobId, job.ExpectedFinalState), (status.JobId, status.State));
        }

        Assert.All(emulator.Requests, r => Assert.InRange(r.StatusCode, 200, 404));
        Assert.DoesNotContain(emulator.Requests, r => r.StatusCode is 401 or 403);
    }

    [Fact]
    public async Task The_json_document_is_the_same_configuration_nested_under_FaxSdk()
    {
        await using var emulator = await FaxEmulator.StartAsync();
        using var stream = new MemoryStream();

        await emulator.WriteConfigurationAsync(stream);

        stream.Position = 0;
        using var document = JsonDocument.Parse(stream);
        var root = document.RootElement;
        Assert.Equal(["FaxSdk"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["Phaxio", "StoneFax", "Pantarey", "Concord", "Retarus"], root.GetProperty("FaxSdk").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["CustomerNumber", "Username", "Password", "DataCenters"], root.GetProperty("FaxSdk").GetProperty("Retarus").EnumerateObject().Select(p => p.Name));
        Assert.Equal(emulator.RetarusDataCenters["DE2"].AbsoluteUri, root.GetProperty("FaxSdk").GetProperty("Retarus").GetProperty("DataCenters").GetProperty("DE2").GetString());
        Assert.Contains('\n', System.Text.Encoding.UTF8.GetString(stream.ToArray()));

        stream.Position = 0;
        var fromJson = new ConfigurationBuilder().AddJsonStream(stream).Build().AsEnumerable().Where(p => p.Value is not null).OrderBy(p => p.Key, StringComparer.Ordinal);
        Assert.Equal(emulator.CreateConfiguration().OrderBy(p => p.Key, StringComparer.Ordinal), fromJson);
    }
}
