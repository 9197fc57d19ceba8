namespace HtmaInterpreter.Tests;

/// <summary>Paths of the repository's folders, found from the test binaries.</summary>
internal static class TestPaths
{
    /// <summary>The folder holding HtmaInterpreter.sln, found by walking up from the test binaries.</summary>
    public static string RepositoryRoot() => HtmaInterpreter.Testing.RepositoryPaths.Root();

    /// <summary>The samples/ folder.</summary>
    public static string Samples => Path.Combine(RepositoryRoot(), "samples");

    /// <summary>The ratios/ folder (the YAML definitions and rules).</summary>
    public static string Ratios => Path.Combine(RepositoryRoot(), "ratios");

    /// <summary>A file in samples/.</summary>
    public static string Sample(string name) => Path.Combine(Samples, name);
}
