namespace HtmaInterpreter.Tests.Cli;

public class SamplesTests
{
    internal static string RepositoryRoot() => TestPaths.RepositoryRoot();

    private static string[] ValidSampleNames() =>
        Directory.GetFiles(Path.Combine(RepositoryRoot(), "samples"))
            .Select(Path.GetFileName)
            .Where(name => !string.Equals(name, "README.md", StringComparison.Ordinal))
            .Select(name => name!)
            .Order(StringComparer.Ordinal)
            .ToArray();

    [Test]
    public void There_are_at_least_nine_samples_in_csv_yaml_and_json()
    {
        var names = ValidSampleNames();

        names.Should().HaveCountGreaterThanOrEqualTo(9);
        names.Select(Path.GetExtension).Should().Contain([".csv", ".yaml", ".yml", ".json"]);
    }

    [Test]
    public void The_samples_readme_describes_every_sample_file()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "samples", "README.md"));

        ValidSampleNames().Should().AllSatisfy(name => readme.Should().Contain($"`{name}`"));
    }

    [Test]
    public void Sample_ids_are_unique_across_all_samples()
    {
        var ids = ValidSampleNames()
            .SelectMany(name => System.Text.RegularExpressions.Regex.Matches(
                File.ReadAllText(Path.Combine(RepositoryRoot(), "samples", name)), @"S-\d{4}-\d{4}"))
            .Select(match => match.Value)
            .ToList();

        ids.Should().HaveCountGreaterThanOrEqualTo(30).And.OnlyHaveUniqueItems();
    }
}
