namespace HtmaInterpreter.Testing;

/// <summary>The repository's folders as the NUnit test projects find them (linked into each of them).</summary>
internal static class RepositoryPaths
{
    /// <summary>The folder holding HtmaInterpreter.sln, found by walking up from the test binaries.</summary>
    public static string Root()
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "HtmaInterpreter.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("HtmaInterpreter.sln not found above the test directory.");
    }
}
