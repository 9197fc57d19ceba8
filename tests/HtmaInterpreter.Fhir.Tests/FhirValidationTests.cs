using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;

namespace HtmaInterpreter.Fhir.Tests;

/// <summary>Every sample, exported, validated against the base R4 specification by Firely's validator.</summary>
public class FhirValidationTests
{
    private static readonly Lazy<Validator> SharedValidator = new(() =>
    {
        // The R4 specification.zip comes with Hl7.Fhir.Specification.Data.R4 (copied next to the test binaries).
        var source = new CachedResolver(ZipSource.CreateValidationSource());
        return new Validator(source, new LocalTerminologyService(source));
    });

    private static IEnumerable<string> SampleFiles() => Samples.FileNames();

    [TestCaseSource(nameof(SampleFiles))]
    public void Exported_sample_validates_against_base_R4(string file)
    {
        foreach (var (_, panel) in Samples.Panels.Where(p => p.File == file))
        {
            var bundle = FhirExporter.ToBundle(Interpreter.Default.Interpret(panel));
            var outcome = SharedValidator.Value.Validate(bundle);
            var errors = outcome.Issue
                .Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal)
                .Select(i => $"{string.Join(",", i.Expression)}: {i.Details?.Text}")
                .ToList();
            errors.Should().BeEmpty($"{file} ({panel.SampleId}) exports valid FHIR R4");
        }
    }

    [Test]
    public void Validator_reports_errors_when_there_are_some()
    {
        // A control: the check above means something only if the validator finds a broken bundle.
        var bundle = FhirExporter.ToBundle(Interpreter.Default.Interpret(Samples.Panel("slow-oxidizer.csv")));
        var observation = bundle.Entry.Select(e => e.Resource).OfType<Observation>().First();
        observation.Status = null;
        observation.Code = null!;

        var outcome = SharedValidator.Value.Validate(bundle);

        outcome.Issue.Should().Contain(i => i.Severity == OperationOutcome.IssueSeverity.Error);
    }
}
