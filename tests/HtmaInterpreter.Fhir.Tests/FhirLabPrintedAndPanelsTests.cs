using Hl7.Fhir.Model;
using HtmaInterpreter.Panels;

namespace HtmaInterpreter.Fhir.Tests;

/// <summary>The lab's own printed range and flag in the export and back; several panels (one sample id twice) in one bundle.</summary>
public class FhirLabPrintedAndPanelsTests
{
    private static Observation ElementObservation(Bundle bundle, string name) =>
        bundle.Entry.Select(e => e.Resource).OfType<Observation>().Single(o => o.Code.Text == name && o.Specimen is not null);

    [Test]
    public void The_lab_printed_range_and_flag_are_written_apart_from_the_profile_range_and_flag()
    {
        var bundle = FhirExporter.ToBundle(Interpreter.Default.Interpret(Samples.Panel("fast-oxidizer.yaml")));

        var sodium = ElementObservation(bundle, "Sodium");
        var printed = sodium.ReferenceRange.Single(r => r.Text == "Reference range printed by the lab");
        printed.Type.Should().BeNull("the profile's range is the one typed normal");
        (printed.Low!.Value, printed.Low.Code, printed.High!.Value, printed.High.Code).Should().Be((4m, "mg/(100.g)", 36m, "mg/(100.g)"));
        sodium.ReferenceRange.Should().Contain(r => r.Text!.StartsWith("Reference range of the lab profile", StringComparison.Ordinal) && r.Type != null);
        sodium.Interpretation.Select(i => i.Text).Should().Contain("Flag printed by the lab: H");
        sodium.Interpretation.Should().ContainSingle(i => i.Coding.Count > 0, "the profile's H/L/N flag stays the one coding");
        ElementObservation(bundle, "Magnesium").Interpretation.Should().NotContain(i => i.Text != null && i.Text.StartsWith("Flag printed", StringComparison.Ordinal), "the lab printed no flag for magnesium");
    }

    [Test]
    public void The_lab_printed_range_and_flag_read_back_and_the_profile_range_never_becomes_the_lab_range()
    {
        var source = Samples.Panel("fast-oxidizer.yaml");
        var bare = source with { Measurements = [.. source.Measurements.Select(m => m with { LabRange = null, LabFlag = null })] };

        var withLab = FhirImporter.ReadText(FhirExporter.ToJson(Interpreter.Default.Interpret(source))).Value!.Single();
        var without = FhirImporter.ReadText(FhirExporter.ToJson(Interpreter.Default.Interpret(bare))).Value!.Single();

        withLab.Find("Na")!.Should().Match<Measurement>(m => m.LabRange == new ReferenceRange(4m, 36m, ConcentrationUnit.MilligramPercent) && m.LabFlag == "H");
        withLab.Find("Mg")!.LabFlag.Should().BeNull();
        without.Measurements.Should().OnlyContain(m => m.LabRange == null && m.LabFlag == null,
            "the profile's range and H/L/N flag are in the bundle, but they are not what the lab printed");
    }

    [Test]
    public void A_lab_printed_range_without_a_listed_unit_is_reported_and_the_value_is_still_read()
    {
        const string json = """
            {"resourceType": "Observation", "status": "final", "code": {"text": "Calcium"},
             "valueQuantity": {"value": 40, "unit": "mg%", "system": "http://unitsofmeasure.org", "code": "mg/(100.g)"},
             "referenceRange": [{"low": {"value": 22, "unit": "mg/dL"}, "text": "Reference range printed by the lab"}]}
            """;

        var result = FhirImporter.ReadText(json, "one.json");

        var calcium = result.Value!.Single().Find("Ca")!;
        calcium.MilligramPercent.Should().Be(40m);
        calcium.LabRange.Should().BeNull();
        result.Diagnostics.Should().ContainSingle(d => d.Code == Diagnostics.DiagnosticCodes.UnknownUnit)
            .Which.Should().Match<Diagnostics.Diagnostic>(d => d.Severity == Diagnostics.DiagnosticSeverity.Warning && d.Location.Field == "Observation.referenceRange[0]" && d.Message.Contains("range the lab printed", StringComparison.Ordinal));
    }

    [Test]
    public void Two_panels_with_one_sample_id_get_distinct_entries_and_read_back_as_two_panels()
    {
        var first = Samples.Panel("fast-oxidizer.yaml");
        var second = first with { Measurements = [.. first.Measurements.Select(m => m with { Amount = new Concentration(m.Amount.Value * 2, m.Amount.Unit) })] };
        var interpretations = new[] { Interpreter.Default.Interpret(first), Interpreter.Default.Interpret(second) };

        var bundle = FhirExporter.ToBundle(interpretations);

        var urls = bundle.Entry.Select(e => e.FullUrl).ToList();
        urls.Should().OnlyHaveUniqueItems().And.HaveCount(interpretations.Sum(i => FhirExporter.ToBundle(i).Entry.Count));
        var reports = bundle.Entry.Select(e => e.Resource).OfType<DiagnosticReport>().ToList();
        reports.Should().HaveCount(2);
        reports.SelectMany(r => r.Result.Select(x => x.Reference).Append(r.Specimen.Single().Reference).Append(r.Subject?.Reference))
            .Where(r => r is not null).Should().OnlyContain(r => urls.Contains(r!), "every reference resolves inside the bundle");
        reports[0].Result.Select(r => r.Reference).Should().NotIntersectWith(reports[1].Result.Select(r => r.Reference));

        var read = FhirImporter.ReadText(FhirExporter.ToJson(interpretations), "two.json");

        read.HasErrors.Should().BeFalse(string.Join("; ", read.Diagnostics));
        read.Value!.Select(p => p.SampleId).Should().Equal(first.SampleId, first.SampleId);
        read.Value![0].Find("Na")!.MilligramPercent.Should().Be(first.Find("Na")!.MilligramPercent);
        read.Value![1].Find("Na")!.MilligramPercent.Should().Be(second.Find("Na")!.MilligramPercent);
    }

    [Test]
    public void One_interpretation_in_a_list_exports_the_bundle_it_exports_alone()
    {
        var interpretation = Interpreter.Default.Interpret(Samples.Panel("slow-oxidizer.csv"));

        FhirExporter.ToJson([interpretation]).Should().Be(FhirExporter.ToJson(interpretation));
        FhirExporter.ToBundle(Array.Empty<Interpretation>()).Entry.Should().BeEmpty();
    }
}
