using Microsoft.Extensions.DependencyInjection;

namespace FaxSdk.Cli.Hosting;

/// <summary>A provider package the CLI knows: its id, its configuration section and how to register an instance.</summary>
/// <param name="Id">The provider id (<c>phaxio</c>), as given to <c>--provider</c>.</param>
/// <param name="Section">The configuration section below <c>FaxSdk</c> (<c>Phaxio</c>).</param>
/// <param name="Register">Registers one instance (<see cref="FaxJobReference.DefaultInstance"/> or a name) from configuration.</param>
internal sealed record CliProvider(string Id, string Section, Action<IFaxSdkBuilder, string> Register)
{
    /// <summary>The five providers, in the order the CLI lists them.</summary>
    public static IReadOnlyList<CliProvider> All { get; } =
    [
        new("phaxio", "Phaxio", (b, name) => b.AddPhaxio(name)),
        new("stonefax", "StoneFax", (b, name) => b.AddStoneFax(name)),
        new("pantarey", "Pantarey", (b, name) => b.AddPantarey(name)),
        new("concord", "Concord", (b, name) => b.AddConcord(name)),
        new("retarus", "Retarus", (b, name) => b.AddRetarus(name)),
    ];

    /// <summary>The provider ids, for <c>--provider</c>.</summary>
    public static IReadOnlyList<string> Ids { get; } = [.. All.Select(p => p.Id)];
}
