using PublicApiGenerator;

namespace HtmaInterpreter.Extensions.DependencyInjection.Tests;

/// <summary>
/// The package's public surface, kept in a committed approval file so that every change to it is a visible diff.
/// To accept a deliberate change: run with HTMA_UPDATE_APPROVED=1 and review the diff of the .approved.txt file.
/// </summary>
public class PublicApiTests
{
    [Test]
    public void Public_api_matches_the_approved_file()
    {
        var actual = typeof(HtmaOptions).Assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            ExcludeAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute", "System.Reflection.AssemblyMetadataAttribute"],
        }).ReplaceLineEndings("\n") + "\n";
        var approvedPath = Path.Combine(TestPaths.RepositoryRoot(), "tests", "HtmaInterpreter.Extensions.DependencyInjection.Tests", "HtmaInterpreter.Extensions.DependencyInjection.approved.txt");

        if (Environment.GetEnvironmentVariable("HTMA_UPDATE_APPROVED") == "1")
        {
            File.WriteAllText(approvedPath, actual);
            Assert.Warn($"Approved public API written to {approvedPath}; review its diff.");
            return;
        }

        File.Exists(approvedPath).Should().BeTrue("the approved public API file should be committed");
        actual.Should().Be(File.ReadAllText(approvedPath), "the public API changed: if deliberate, run with HTMA_UPDATE_APPROVED=1 and commit the reviewed diff");
    }
}
