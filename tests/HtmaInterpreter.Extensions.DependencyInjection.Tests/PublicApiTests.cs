using HtmaInterpreter.Testing;

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
        var approvedPath = Path.Combine(TestPaths.RepositoryRoot(), "tests", "HtmaInterpreter.Extensions.DependencyInjection.Tests", "HtmaInterpreter.Extensions.DependencyInjection.approved.txt");

        var (actual, approved, written) = PublicApiApproval.Check(typeof(HtmaOptions).Assembly, approvedPath);

        if (written)
        {
            Assert.Warn($"Approved public API written to {approvedPath}; review its diff.");
            return;
        }

        approved.Should().NotBeNull("the approved public API file should be committed");
        actual.Should().Be(approved, "the public API changed: if deliberate, run with HTMA_UPDATE_APPROVED=1 and commit the reviewed diff");
    }
}
