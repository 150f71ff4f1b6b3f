using System.Runtime.CompilerServices;

namespace FaxSdk.Generators.Tests;

/// <summary>Generated source compared with approved files in Approved/ (the Verify library is not available here).</summary>
public class ApprovedSourceTests
{
    private const string JobStatus = """
        using FaxSdk;
        using FaxSdk.Mapping;

        namespace Acme.Fax;

        [FaxStatusMap]
        public enum AcmeJobStatus
        {
            [Wire("queued"), Wire("pendingbatch"), MapsTo(FaxJobState.Pending)] Queued,
            [Wire("inprogress"), MapsTo(FaxJobState.InProgress)] InProgress,
            [Wire("success"), MapsTo(FaxJobState.Succeeded)] Success,
            [Wire("partialsuccess"), MapsTo(FaxJobState.PartiallySucceeded)] PartialSuccess,
            [Wire("failure"), MapsTo(FaxJobState.Failed)] Failure,
            [UnknownWire] Unknown,
        }
        """;

    private const string RecipientCaseSensitive = """
        using FaxSdk;
        using FaxSdk.Mapping;

        [FaxStatusMap(IgnoreCase = false)]
        internal enum GlobalRecipientStatus
        {
            [Wire("OK"), MapsTo(FaxRecipientState.Succeeded)] Ok,
            [Wire("RETRY"), MapsTo(FaxRecipientState.RetryScheduled)] Retry,
            [Wire("überfällig"), MapsTo(FaxRecipientState.Failed)] Overdue,
            [UnknownWire] Unknown,
        }
        """;

    private const string Causes = """
        using FaxSdk;
        using FaxSdk.Mapping;

        namespace Acme.Fax
        {
            [FaxStatusMap]
            public enum AcmeCause
            {
                [UnknownWire] Unknown = 0,
                [Wire(17), MapsTo(FaxFailureCategory.Busy)] Busy = 17,
                [Wire(18), Wire(19), MapsTo(FaxFailureCategory.NoAnswer)] NoAnswer = 18,
                [Wire(1), Wire("UNALLOCATED"), MapsTo(FaxFailureCategory.InvalidNumber)] Unallocated = 1,
                [Wire("Wrönger \"quote\""), MapsTo(FaxFailureCategory.Rejected)] Odd = 99,
            }
        }
        """;

    private const string CodesOnly = """
        using FaxSdk;
        using FaxSdk.Mapping;

        namespace Acme.Fax;

        [FaxStatusMap]
        public enum AcmeJobResult
        {
            [UnknownWire] Unknown = 0,
            [Wire(1), MapsTo(FaxJobState.Succeeded)] Succeeded,
            [Wire(2), Wire(-2), MapsTo(FaxJobState.Failed)] Failed,
            [Wire(300), MapsTo(FaxJobState.InProgress)] InProgress,
        }
        """;

    [Theory]
    [InlineData("AcmeJobStatus", JobStatus, "Acme.Fax.AcmeJobStatusMap.g.cs")]
    [InlineData("GlobalRecipientStatus", RecipientCaseSensitive, "GlobalRecipientStatusMap.g.cs")]
    [InlineData("AcmeCause", Causes, "Acme.Fax.AcmeCauseMap.g.cs")]
    [InlineData("AcmeJobResult", CodesOnly, "Acme.Fax.AcmeJobResultMap.g.cs")]
    public void Generated_source_matches_the_approved_file(string name, string source, string hintName)
    {
        var run = GeneratorHarness.Run(source);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics);
        var generated = Assert.Single(run.Sources);
        Assert.Equal(hintName, generated.Key);
        Approve(name, generated.Value);
    }

    private static void Approve(string name, string actual, [CallerFilePath] string testFile = "")
    {
        var directory = Path.Combine(Path.GetDirectoryName(testFile)!, "Approved");
        var approvedPath = Path.Combine(directory, name + ".g.cs.approved");
        var receivedPath = Path.Combine(directory, name + ".g.cs.received");
        var normalised = actual.ReplaceLineEndings("\n");
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : null;
        if (approved == normalised)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, normalised);
        Assert.Fail(
            $"The generated source for {name} differs from {approvedPath}. Review {receivedPath}; " +
            $"if it is right, accept it with: mv '{receivedPath}' '{approvedPath}'");
    }
}
