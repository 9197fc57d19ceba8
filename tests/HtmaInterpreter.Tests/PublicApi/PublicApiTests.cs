using PublicApiGenerator;

namespace HtmaInterpreter.Tests.PublicApi;

/// <summary>
/// The library's public surface, kept in a committed approval file so that every change to it is a visible diff.
/// To accept a deliberate change: run with HTMA_UPDATE_APPROVED=1 and review the diff of the .approved.txt file.
/// </summary>
public class PublicApiTests
{
    [Test]
    public void Public_api_matches_the_approved_file()
    {
        var actual = typeof(Interpreter).Assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            ExcludeAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute", "System.Reflection.AssemblyMetadataAttribute"],
        }).ReplaceLineEndings("\n") + "\n";
        var approvedPath = Path.Combine(TestPaths.RepositoryRoot(), "tests", "HtmaInterpreter.Tests", "PublicApi", "HtmaInterpreter.approved.txt");

        if (Environment.GetEnvironmentVariable("HTMA_UPDATE_APPROVED") == "1")
        {
            File.WriteAllText(approvedPath, actual);
            Assert.Warn($"Approved public API written to {approvedPath}; review its diff.");
            return;
        }

        File.Exists(approvedPath).Should().BeTrue("the approved public API file should be committed");
        actual.Should().Be(File.ReadAllText(approvedPath), "the public API changed: if deliberate, run with HTMA_UPDATE_APPROVED=1 and commit the reviewed diff");
    }

    [Test]
    public void The_library_has_at_most_60_public_types()
    {
        const int Limit = 60;
        var publicTypes = typeof(Interpreter).Assembly.GetExportedTypes().Select(t => t.FullName!).Order(StringComparer.Ordinal).ToList();

        publicTypes.Count.Should().BeLessThanOrEqualTo(Limit,
            "a host needs a small surface (issue 15): keep building blocks internal, or make one public type go before adding one. Public now:\n"
            + string.Join("\n", publicTypes));
    }
}
