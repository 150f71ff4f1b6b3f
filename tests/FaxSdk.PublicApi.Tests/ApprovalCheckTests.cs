using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace FaxSdk.PublicApi.Tests;

/// <summary>The approval check itself: it fails, readably, when a package's public surface changes.</summary>
public class ApprovalCheckTests
{
    private const string Probe = "ApprovalProbe";

    [Theory]
    [MemberData(nameof(PublicApiTests.Libraries), MemberType = typeof(PublicApiTests))]
    public void A_public_member_added_to_a_package_fails_with_a_diff_naming_it(string packageId)
    {
        var project = SrcProject.Libraries.Single(p => p.PackageId == packageId);
        var original = PublicApiTests.Load(project);
        var before = PackageApi.Generate(original, packageId);

        // The same package with one public method added to its first public class, rewritten with Mono.Cecil.
        var after = IsolatedAssembly.Use(project.AssemblyName, image => AddPublicMethod(original.Location, image), changed => PackageApi.Generate(changed, packageId));

        var failure = ApiApproval.Compare(packageId, before, after);
        Assert.NotNull(failure);
        var changedLines = failure.Split('\n').Where(l => (l.StartsWith('+') || l.StartsWith('-')) && !l.StartsWith("+++", StringComparison.Ordinal) && !l.StartsWith("---", StringComparison.Ordinal)).ToList();
        var added = Assert.Single(changedLines);
        Assert.Matches($@"^\+\s+public static void {Probe}\(\) {{ }}$", added);
        Assert.Contains("@@ ", failure, StringComparison.Ordinal);
        Assert.Contains(ApiApproval.AcceptCommand, failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Parameter_and_return_value_attributes_are_part_of_the_text()
    {
        const string source = """
            using System.Diagnostics.CodeAnalysis;
            namespace Sample;
            public static class Lookup
            {
                public static bool TryFind(string key, [NotNullWhen(true)] out string? value) { value = key; return true; }
                [return: NotNullIfNotNull(nameof(key))] public static string? Echo(string? key) => key;
            }
            """;

        var api = IsolatedAssembly.Use("Sample", image => Compile(source, image), sample => PackageApi.Generate(sample, "Sample"));

        Assert.Contains("[System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value", api, StringComparison.Ordinal);
        Assert.Contains("[return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(\"key\")]", api, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_package_always_gives_the_same_text()
    {
        var project = SrcProject.Libraries.First();

        Assert.Equal(PackageApi.Generate(PublicApiTests.Load(project), project.PackageId), PackageApi.Generate(PublicApiTests.Load(project), project.PackageId));
    }

    [Fact]
    public void A_missing_approved_file_fails_with_the_accept_command()
    {
        var failure = ApiApproval.Compare("Sample", null, "public class Sample.Widget { }\n");

        Assert.NotNull(failure);
        Assert.Contains("no approved public API file", failure, StringComparison.Ordinal);
        Assert.Contains(ApiApproval.AcceptCommand, failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1", null, true)]
    [InlineData("1", "false", true)]
    [InlineData("1", "true", false)]
    [InlineData("1", "True", false)]
    [InlineData(null, null, false)]
    [InlineData("0", null, false)]
    public void Accepting_needs_the_variable_and_is_refused_on_CI(string? accept, string? ci, bool accepting)
    {
        Assert.Equal(accepting, ApiApproval.IsAccepting(accept, ci));
    }

    [Fact]
    public void The_repository_root_is_found_from_the_test_binaries()
    {
        Assert.True(File.Exists(Path.Combine(ApiApproval.RepoRoot, "FaxSdk.sln")));
        Assert.EndsWith(Path.Combine("tests", "FaxSdk.PublicApi.Tests", "Approved"), ApiApproval.ApprovedDirectory, StringComparison.Ordinal);
    }

    private static void AddPublicMethod(string assemblyPath, Stream image)
    {
        using var module = ModuleDefinition.ReadModule(assemblyPath);
        var type = module.Types.First(t => t.IsPublic && t.IsClass && !t.IsValueType && !t.IsInterface && t.BaseType?.FullName != "System.MulticastDelegate");
        var method = new MethodDefinition(Probe, Mono.Cecil.MethodAttributes.Public | Mono.Cecil.MethodAttributes.Static | Mono.Cecil.MethodAttributes.HideBySig, module.TypeSystem.Void);
        method.Body.GetILProcessor().Emit(OpCodes.Ret);
        type.Methods.Add(method);
        module.Write(image);
    }

    private static void Compile(string source, Stream image)
    {
        var compilation = CSharpCompilation.Create(
            "Sample",
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))],
            References.AllExcept(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var result = compilation.Emit(image);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
    }
}
