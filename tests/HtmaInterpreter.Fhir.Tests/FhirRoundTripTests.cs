namespace HtmaInterpreter.Fhir.Tests;

/// <summary>Sample → interpretation → FHIR JSON → panels → interpretation gives the same reading.</summary>
public class FhirRoundTripTests
{
    private static IEnumerable<string> SampleFiles() => Samples.FileNames();

    [TestCaseSource(nameof(SampleFiles))]
    public void Exported_sample_reads_back_to_the_same_interpretation(string file)
    {
        foreach (var (_, panel) in Samples.Panels.Where(p => p.File == file))
        {
            var original = Interpreter.Default.Interpret(panel);

            var read = FhirImporter.ReadText(FhirExporter.ToJson(original), file + ".fhir.json");

            read.HasErrors.Should().BeFalse(string.Join("; ", read.Diagnostics));
            var again = Interpreter.Default.Interpret(read.Value.Should().ContainSingle().Subject);
            again.Panel.SampleId.Should().Be(panel.SampleId);
            again.Panel.Measurements.Select(m => (m.Element, m.MilligramPercent, m.Qualifier, m.LabRange, m.LabFlag))
                .Should().BeEquivalentTo(panel.Measurements.Where(m => m.Element is not null).Select(m => (m.Element, m.MilligramPercent, m.Qualifier, m.LabRange, m.LabFlag)),
                    "the lab's printed range and flag travel with the value");
            again.LabProfile.Id.Should().Be(original.LabProfile.Id);
            again.Oxidation.Type.Should().Be(original.Oxidation.Type);
            again.Oxidation.Degree.Should().Be(original.Oxidation.Degree);
            again.Oxidation.Lean.Should().Be(original.Oxidation.Lean);
            again.Ratios.Select(r => (r.Name, r.Value)).Should().Equal(original.Ratios.Select(r => (r.Name, r.Value)));
            again.Findings.Select(f => (f.RuleId, f.Subject)).Should().Equal(original.Findings.Select(f => (f.RuleId, f.Subject)), $"{panel.SampleId} fires the same rules");
        }
    }
}
