using System.Text;
using DiffPlex.Renderer;
using Xunit.Sdk;

namespace FaxSdk.PublicApi.Tests;

/// <summary>
/// Compares a package's API text with its approved file in the source tree. With <c>FAXSDK_ACCEPT_API=1</c> a
/// difference rewrites the approved file instead of failing (refused when <c>CI=true</c>), so accepting every
/// package is one command; the change then shows in <c>git diff</c> and is committed like code.
/// </summary>
internal static class ApiApproval
{
    public const string AcceptVariable = "FAXSDK_ACCEPT_API";

    public const string AcceptCommand = "FAXSDK_ACCEPT_API=1 dotnet test tests/FaxSdk.PublicApi.Tests -c Release";

    /// <summary>The repository root: the nearest folder above the test binaries that holds FaxSdk.sln.</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string ApprovedDirectory => Path.Combine(RepoRoot, "tests", "FaxSdk.PublicApi.Tests", "Approved");

    public static string ApprovedPath(string packageId) => Path.Combine(ApprovedDirectory, packageId + ".approved.txt");

    /// <summary>Whether a run with these values of <c>FAXSDK_ACCEPT_API</c> and <c>CI</c> accepts differences.</summary>
    public static bool IsAccepting(string? accept, string? ci) =>
        accept == "1" && !string.Equals(ci, "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Returns <see langword="null"/> when <paramref name="actual"/> matches the approved text, else the failure message.</summary>
    public static string? Compare(string packageId, string? approved, string actual)
    {
        actual = actual.ReplaceLineEndings("\n");
        approved = approved?.ReplaceLineEndings("\n");
        if (approved == actual)
        {
            return null;
        }

        var relative = Path.GetRelativePath(RepoRoot, ApprovedPath(packageId)).Replace('\\', '/');
        var message = new StringBuilder();
        if (approved is null)
        {
            message.Append($"{packageId} has no approved public API file ({relative}).\n");
        }
        else
        {
            message.Append($"The public API of {packageId} differs from {relative} ('-' approved, '+' now):\n");
            message.Append(UnidiffRenderer.GenerateUnidiff(approved, actual, "approved", "now", ignoreWhitespace: false, ignoreCase: false, contextLines: 3).ReplaceLineEndings("\n"));
        }

        message.Append($"\nIf the change is intended, run `{AcceptCommand}` and commit the approved file(s); otherwise undo the API change.");
        return message.ToString();
    }

    /// <summary>Fails (or, when accepting, rewrites the approved file) if <paramref name="actual"/> is not the approved API.</summary>
    public static void Verify(string packageId, string actual, Action<string>? log = null)
    {
        var path = ApprovedPath(packageId);
        var approved = File.Exists(path) ? File.ReadAllText(path) : null;
        var failure = Compare(packageId, approved, actual);
        if (failure is null)
        {
            return;
        }

        var accept = Environment.GetEnvironmentVariable(AcceptVariable);
        if (IsAccepting(accept, Environment.GetEnvironmentVariable("CI")))
        {
            Directory.CreateDirectory(ApprovedDirectory);
            File.WriteAllText(path, actual.ReplaceLineEndings("\n"));
            log?.Invoke($"Accepted: wrote {path}. Review it with `git diff` and commit it.\n{failure}");
            return;
        }

        if (accept == "1")
        {
            failure += $"\n({AcceptVariable}=1 is ignored when CI=true: approved files are accepted by a developer and committed, never by CI.)";
        }

        throw new XunitException(failure);
    }

    private static string FindRepoRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "FaxSdk.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No FaxSdk.sln above {AppContext.BaseDirectory}: run the tests from a clone of the repository.");
    }
}
