using System.Reflection;
using Xunit.Abstractions;

namespace FaxSdk.PublicApi.Tests;

/// <summary>
/// Each library's public API must match its approved file in Approved/. To accept an intended change:
/// <c>FAXSDK_ACCEPT_API=1 dotnet test tests/FaxSdk.PublicApi.Tests -c Release</c>, then commit the approved files.
/// </summary>
public class PublicApiTests(ITestOutputHelper output)
{
    /// <summary>The package id of every library under src/ (every project that is not a tool).</summary>
    public static TheoryData<string> Libraries => new(SrcProject.Libraries.Select(p => p.PackageId));

    [Theory]
    [MemberData(nameof(Libraries))]
    public void Public_api_matches_the_approved_file(string packageId)
    {
        var project = SrcProject.Libraries.Single(p => p.PackageId == packageId);

        ApiApproval.Verify(packageId, PackageApi.Generate(Load(project), packageId), output.WriteLine);
    }

    [Fact]
    public void Every_approved_file_belongs_to_a_library()
    {
        var libraries = SrcProject.Libraries.Select(p => p.PackageId).ToHashSet(StringComparer.Ordinal);
        var stale = Directory.GetFiles(ApiApproval.ApprovedDirectory, "*.approved.txt")
            .Select(f => Path.GetFileName(f)[..^".approved.txt".Length])
            .Where(id => !libraries.Contains(id))
            .ToList();

        Assert.True(stale.Count == 0, $"Approved files for no library under src/: {string.Join(", ", stale)}. Delete them (a PackAsTool project has no approved API).");
    }

    [Fact]
    public void Every_project_under_src_is_an_approved_library_or_a_tool_without_public_types()
    {
        var folders = Directory.GetDirectories(Path.Combine(ApiApproval.RepoRoot, "src"))
            .Where(d => Directory.GetFiles(d, "*.csproj").Length > 0)
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(folders, SrcProject.All.Select(p => p.Folder));

        Assert.All(SrcProject.All, project =>
        {
            var publicTypes = Load(project).GetExportedTypes();
            if (project.IsTool)
            {
                // A dotnet tool (PackAsTool) is run, not referenced: it has no API to approve, so nothing in it is public.
                Assert.True(publicTypes.Length == 0, $"{project.PackageId} is a tool (PackAsTool) but has public types: {string.Join(", ", publicTypes.Select(t => t.FullName))}. Make them internal.");
            }
            else
            {
                Assert.True(File.Exists(ApiApproval.ApprovedPath(project.PackageId)), $"{project.PackageId} has no approved API file: run `{ApiApproval.AcceptCommand}`.");
                Assert.NotEmpty(publicTypes);
            }
        });
    }

    [Fact]
    public void The_registration_api_in_Microsoft_Extensions_DependencyInjection_is_part_of_the_text()
    {
        var api = PackageApi.Generate(typeof(FaxJobStatus).Assembly, "FaxSdk");

        Assert.Contains("namespace Microsoft.Extensions.DependencyInjection", api, StringComparison.Ordinal);
        Assert.Contains("interface IFaxSdkBuilder", api, StringComparison.Ordinal);
        Assert.Contains(" AddFaxSdk(this Microsoft.Extensions.DependencyInjection.IServiceCollection services", api, StringComparison.Ordinal);
    }

    /// <summary>Loads a project's assembly: every project under src/ is referenced by this test project.</summary>
    internal static Assembly Load(SrcProject project) => Assembly.Load(new AssemblyName(project.AssemblyName));
}
