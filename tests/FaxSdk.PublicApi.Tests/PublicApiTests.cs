using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace FaxSdk.PublicApi.Tests;

/// <summary>
/// Each package's public API must match its approved file in Approved/. To accept an intended change:
/// <c>FAXSDK_ACCEPT_API=1 dotnet test tests/FaxSdk.PublicApi.Tests -c Release</c>, then commit the approved files.
/// </summary>
public class PublicApiTests(ITestOutputHelper output)
{
    /// <summary>Package id and the assembly it ships.</summary>
    public static TheoryData<string, string> Packages => new()
    {
        { "FaxSdk", "FaxSdk" },
        { "FaxSdk.Phaxio", "FaxSdk.Phaxio" },
        { "FaxSdk.StoneFax", "FaxSdk.StoneFax" },
        { "FaxSdk.Pantarey", "FaxSdk.Pantarey" },
        { "FaxSdk.Concord", "FaxSdk.Concord" },
        { "FaxSdk.Retarus", "FaxSdk.Retarus" },
        { "FaxSdk.Testing", "FaxSdk.Testing" },
        { "FaxSdk.Cli", "faxstatus" },
    };

    [Theory]
    [MemberData(nameof(Packages))]
    public void Public_api_matches_the_approved_file(string packageId, string assemblyName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, assemblyName + ".dll");
        Assert.True(File.Exists(path), $"{path} was not built next to the tests.");

        var api = PublicApiWriter.Write(MetadataReference.CreateFromFile(path), References.AllExcept(path));

        ApiApproval.Verify(packageId, api, output.WriteLine);
    }

    [Fact]
    public void Every_approved_file_belongs_to_a_package()
    {
        var packages = Packages.Select(row => (string)row[0]).ToHashSet(StringComparer.Ordinal);
        var stale = Directory.GetFiles(ApiApproval.ApprovedDirectory, "*.approved.txt")
            .Select(f => Path.GetFileName(f)[..^".approved.txt".Length])
            .Where(id => !packages.Contains(id))
            .ToList();

        Assert.True(stale.Count == 0, $"Approved files for packages that are not checked: {string.Join(", ", stale)}. Delete them or add the package to {nameof(Packages)}.");
    }

    [Fact]
    public void Every_packable_project_under_src_is_checked()
    {
        var packages = Packages.Select(row => (string)row[0]).ToHashSet(StringComparer.Ordinal);
        var projects = Directory.GetDirectories(Path.Combine(ApiApproval.RepoRoot, "src"))
            .Where(d => Directory.GetFiles(d, "*.csproj").Length > 0)
            .Select(Path.GetFileName)
            .ToList();

        Assert.All(projects, project => Assert.Contains(project!, packages));
    }
}
