using System.Reflection;
using HtmaInterpreter.Diagnostics;

namespace HtmaInterpreter.Tests.BadInput;

/// <summary>The corpus itself: its size per area, that the manifest names every file, and that the repository stays small.</summary>
public class BadInputCorpusManifestTests
{
    private static readonly string[] Areas = ["panels", "context", "rules", "definitions", "compare", "batch"];

    [Test]
    public void The_manifest_has_at_least_150_cases_across_every_area_and_the_out_option()
    {
        var cases = CorpusCase.Load();

        cases.Should().HaveCountGreaterThanOrEqualTo(150);
        cases.Select(c => c.Name).Should().OnlyHaveUniqueItems();
        foreach (var area in Areas.Append("out"))
        {
            cases.Should().Contain(c => c.Name.StartsWith(area + "/", StringComparison.Ordinal), $"the corpus covers {area}");
        }
    }

    [Test]
    public void Every_corpus_file_has_a_case_and_every_case_names_an_existing_file_or_generator()
    {
        var cases = CorpusCase.Load();
        var folder = CorpusWorkspace.CorpusFolder;
        var files = Areas.SelectMany(a => Directory.EnumerateFiles(Path.Combine(folder, a), "*", SearchOption.AllDirectories))
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
            .ToList();

        files.Should().HaveCountGreaterThanOrEqualTo(150);
        files.Should().BeSubsetOf(cases.Select(c => c.Input));
        foreach (var corpusCase in cases)
        {
            if (corpusCase.Input.StartsWith("gen:", StringComparison.Ordinal))
            {
                CorpusGenerator.Generate(corpusCase.Input).Content.Should().NotBeEmpty(corpusCase.Name);
            }
            else if (corpusCase.Input != "-")
            {
                files.Should().Contain(corpusCase.Input, corpusCase.Name);
            }
        }
    }

    [Test]
    public void Every_expected_code_is_a_known_code_unless_the_case_is_pending()
    {
        var known = typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToHashSet(StringComparer.Ordinal);

        foreach (var corpusCase in CorpusCase.Load().Where(c => !c.Has("pending")))
        {
            corpusCase.Codes.Select(c => c.TrimStart('!')).Should().BeSubsetOf(known, corpusCase.Name);
        }
    }

    [Test]
    public void No_committed_corpus_file_is_over_100_KB()
    {
        foreach (var file in Directory.EnumerateFiles(CorpusWorkspace.CorpusFolder, "*", SearchOption.AllDirectories))
        {
            new FileInfo(file).Length.Should().BeLessThanOrEqualTo(100 * 1024, file);
        }
    }

    [TestCase("MaxColumns", InputLimits.MaxColumns)]
    [TestCase("MaxColumns+1", InputLimits.MaxColumns + 1)]
    [TestCase("MaxConditionNesting-1", InputLimits.MaxConditionNesting - 1)]
    [TestCase("2097152", 2097152)]
    public void A_generator_size_names_a_limit_or_a_number(string expression, int expected) =>
        CorpusGenerator.Evaluate(expression).Should().Be(expected);
}
