using FaxSdk.Tests.Transport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FaxSdk.Tests.Validation;

public class FaxProviderDescriptorTests
{
    [Fact]
    public void Configured_instances_are_the_section_with_settings_and_each_named_instance()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FaxSdk:Echo:Instances:second:Account"] = "B",
            ["FaxSdk:Echo:Instances:third:Account"] = "C",
        }).Build();
        var services = new ServiceCollection();

        var added = DependencyInjectionTests.Echo.AddConfiguredInstances(services.AddFaxSdk(configuration));

        Assert.Equal(["second", "third"], added);
        using var provider = services.BuildServiceProvider();
        Assert.Equal(["second", "third"], provider.GetRequiredService<IFaxStatusProviderResolver>().Registrations.Select(r => r.InstanceName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_provider_with_settings_of_its_own_gets_the_default_instance_and_none_without_configuration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["FaxSdk:Echo:Account"] = "A" }).Build();

        Assert.Equal([FaxJobReference.DefaultInstance], DependencyInjectionTests.Echo.AddConfiguredInstances(new ServiceCollection().AddFaxSdk(configuration)));
        Assert.Empty(DependencyInjectionTests.Echo.AddConfiguredInstances(new ServiceCollection().AddFaxSdk()));
        Assert.Empty(DependencyInjectionTests.Echo.AddConfiguredInstances(new ServiceCollection().AddFaxSdk(new ConfigurationBuilder().Build())));
    }

    [Fact]
    public void Configuration_paths_name_the_section_and_instance()
    {
        Assert.Equal("FaxSdk:Echo", DependencyInjectionTests.Echo.GetConfigurationPath());
        Assert.Equal("FaxSdk:Echo:Instances:eu", DependencyInjectionTests.Echo.GetConfigurationPath("eu"));
        Assert.Equal("App:Fax:Echo", DependencyInjectionTests.Echo.GetConfigurationPath(FaxJobReference.DefaultInstance, "App:Fax"));
    }

    [Fact]
    public void Payloads_are_read_by_the_parser_given_and_refused_without_one()
    {
        var parsing = new FaxProviderDescriptor("p", "P", (_, _) => throw new InvalidOperationException(), (payload, _) => [new FaxJobStatus { Provider = "p", JobId = payload.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) }]);

        Assert.True(parsing.CanParsePayloads);
        Assert.Equal("3", Assert.Single(parsing.ParsePayload("abc"u8)).JobId);
        Assert.False(DependencyInjectionTests.Echo.CanParsePayloads);
        Assert.Throws<NotSupportedException>(() => DependencyInjectionTests.Echo.ParsePayload("{}"u8));
    }

    [Theory]
    [InlineData("Phaxio", "Phaxio")]
    [InlineData("phaxio", "Fax:Phaxio")]
    [InlineData("", "Phaxio")]
    [InlineData("phaxio", "")]
    public void Ids_and_sections_are_checked(string id, string section) =>
        Assert.ThrowsAny<ArgumentException>(() => new FaxProviderDescriptor(id, section, (_, _) => throw new InvalidOperationException()));
}
