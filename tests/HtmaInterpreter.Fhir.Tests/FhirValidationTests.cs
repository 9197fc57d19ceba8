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
    public void A_bundle_of_several_panels_two_with_one_sample_id_validates_against_base_R4()
    {
        var panel = Samples.Panel("fast-oxidizer.yaml");
        var interpretations = new[] { panel, panel, Samples.Panel("doctors-data-washed.csv") }.Select(p => Interpreter.Default.Interpret(p)).ToList();

        var outcome = SharedValidator.Value.Validate(FhirExporter.ToBundle(interpretations));

        outcome.Issue.Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal)
            .Select(i => $"{string.Join(",", i.Expression)}: {i.Details?.Text}").Should().BeEmpty();
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

    [TestCase(Panels.ConcentrationUnit.PartsPerBillion)]
    [TestCase(Panels.ConcentrationUnit.NanogramPerGram)]
    public void A_panel_in_ppb_or_ng_per_g_exports_valid_FHIR_R4(Panels.ConcentrationUnit unit)
    {
        var source = Samples.Panel("fast-oxidizer.yaml");
        var panel = source with { Measurements = [.. source.Measurements.Select(m => m with { Amount = m.Amount.To(unit), LabRange = null })] };

        var outcome = SharedValidator.Value.Validate(FhirExporter.ToBundle(Interpreter.Default.Interpret(panel)));

        outcome.Issue.Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal)
            .Select(i => $"{string.Join(",", i.Expression)}: {i.Details?.Text}").Should().BeEmpty();
    }

    [Test]
    public async System.Threading.Tasks.Task Every_reference_range_type_written_is_a_code_of_the_R4_referencerange_meaning_system()
    {
        // R4 binds referenceRange.type with strength preferred, so the validator does not check the code: the
        // specification's own code system (in the same specification.zip) does.
        var source = new CachedResolver(ZipSource.CreateValidationSource());
        var system = (await source.ResolveByCanonicalUriAsync(FhirSystems.ReferenceRangeMeaning)).Should().BeOfType<CodeSystem>().Subject;
        var codes = Flatten(system.Concept).ToDictionary(c => c.Code!, c => c.Display ?? "", StringComparer.Ordinal);

        var written = Samples.Panels
            .SelectMany(p => FhirExporter.ToBundle(Interpreter.Default.Interpret(p.Panel)).Entry.Select(e => e.Resource).OfType<Observation>())
            .SelectMany(o => o.ReferenceRange).Where(r => r.Type is not null).SelectMany(r => r.Type!.Coding).ToList();

        written.Should().NotBeEmpty();
        written.Should().OnlyContain(c => c.System == FhirSystems.ReferenceRangeMeaning && c.Code != null && codes.ContainsKey(c.Code) && codes[c.Code] == c.Display);
        codes.Should().NotContainKey("toxic", "a toxic limit has no code there and carries text only");
    }

    private static IEnumerable<CodeSystem.ConceptDefinitionComponent> Flatten(IEnumerable<CodeSystem.ConceptDefinitionComponent> concepts) =>
        concepts.SelectMany(c => Flatten(c.Concept).Prepend(c));
}
