using HtmaInterpreter.Diagnostics;
using static HtmaInterpreter.Tests.Readers.ReaderTestSupport;

namespace HtmaInterpreter.Tests.Readers;

public class InvalidSamplesTests
{
    /// <summary>Each file in samples/invalid/, the error code it must give and the line of that error.</summary>
    private static readonly Dictionary<string, (string Code, int Line)> Expected = new(StringComparer.Ordinal)
    {
        ["empty.csv"] = (DiagnosticCodes.EmptyInput, 1),
        ["missing-value-column.csv"] = (DiagnosticCodes.MissingRequiredColumn, 4),
        ["ragged-rows.csv"] = (DiagnosticCodes.RaggedRow, 6),
        ["unclosed-quote.csv"] = (DiagnosticCodes.MalformedQuoting, 6),
        ["non-numeric-value.csv"] = (DiagnosticCodes.NonNumericValue, 6),
        ["negative-value.csv"] = (DiagnosticCodes.NegativeValue, 6),
        ["nan-value.csv"] = (DiagnosticCodes.NotAFiniteNumber, 6),
        ["unknown-unit.csv"] = (DiagnosticCodes.UnknownUnit, 6),
        ["duplicate-element.csv"] = (DiagnosticCodes.DuplicateElement, 7),
        ["wide-missing-sample-id.csv"] = (DiagnosticCodes.MissingRequiredField, 4),
        ["missing-unit.yaml"] = (DiagnosticCodes.MissingUnit, 6),
        ["yaml-anchor-alias.yaml"] = (DiagnosticCodes.YamlAnchorOrAlias, 4),
        ["yaml-too-deep.yaml"] = (DiagnosticCodes.NestingTooDeep, 7),
        ["yaml-syntax.yaml"] = (DiagnosticCodes.SyntaxError, 6),
        ["json-syntax.json"] = (DiagnosticCodes.SyntaxError, 5),
        ["json-wrong-structure.json"] = (DiagnosticCodes.UnexpectedStructure, 6),
    };

    private static string InvalidFolder => Path.Combine(RepositoryRoot(), "samples", "invalid");

    private static IEnumerable<string> InvalidFiles() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), "samples", "invalid"))
            .Where(f => !Path.GetFileName(f).Equals("README.md", StringComparison.OrdinalIgnoreCase))
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)!;

    [Test]
    public void Every_invalid_sample_is_in_the_table_and_every_table_entry_exists()
    {
        InvalidFiles().Should().BeEquivalentTo(Expected.Keys);
    }

    [TestCaseSource(nameof(InvalidFiles))]
    public void Each_invalid_sample_gives_its_located_error(string fileName)
    {
        var path = Path.Combine(InvalidFolder, fileName);

        var result = Reader.ReadFile(path);

        result.HasErrors.Should().BeTrue();
        result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)
            .Should().OnlyContain(d => d.Location.Line != null && d.Location.File == path);
        Expected.Should().ContainKey(fileName);
        var (code, line) = Expected[fileName];
        result.Diagnostics.Should().Contain(
            d => d.Code == code && d.Severity == DiagnosticSeverity.Error && d.Location.Line == line,
            $"{fileName} should give {code} at line {line}; got: {string.Join(" | ", result.Diagnostics)}");
    }
}
