namespace FaxSdk.Tracking.PostgreSql.Tests;

public sealed class ServerFixtureTests
{
    [Fact]
    public void Without_server_binaries_the_fixture_fails_and_says_how_to_install_them()
    {
        var root = Directory.CreateTempSubdirectory("faxsdk-no-postgres-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "15", "bin")); // a version folder without initdb/pg_ctl

            var error = Assert.Throws<InvalidOperationException>(() => PostgreSqlServerFixture.FindBinFolder(root));

            Assert.Contains("apt-get install -y postgresql", error.Message, StringComparison.Ordinal);
            Assert.Contains(PostgreSqlServerFixture.ServerVariable, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void The_newest_installed_version_with_initdb_and_pg_ctl_is_used()
    {
        var root = Directory.CreateTempSubdirectory("faxsdk-postgres-versions-").FullName;
        try
        {
            foreach (var version in new[] { "9", "13", "16" })
            {
                Directory.CreateDirectory(Path.Combine(root, version, "bin"));
            }

            foreach (var version in new[] { "9", "13" })
            {
                File.WriteAllText(Path.Combine(root, version, "bin", "initdb"), "");
                File.WriteAllText(Path.Combine(root, version, "bin", "pg_ctl"), "");
            }

            Assert.Equal(Path.Combine(root, "13", "bin"), PostgreSqlServerFixture.FindBinFolder(root));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
