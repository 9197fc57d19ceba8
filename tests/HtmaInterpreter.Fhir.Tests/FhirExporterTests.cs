using Hl7.Fhir.Model;
using HtmaInterpreter.Panels;

namespace HtmaInterpreter.Fhir.Tests;

public class FhirExporterTests
{
    private static Interpretation Interpret(string file) => Interpreter.Default.Interpret(Samples.Panel(file));

    private static IEnumerable<Observation> Observations(Bundle bundle) => bundle.Entry.Select(e => e.Resource).OfType<Observation>();

    /// <summary>What the library worked out (ratios, the oxidation type, findings), as opposed to what the lab reported.</summary>
    private static bool IsDerived(Observation o) =>
        o.Code.Coding.Any(c => c.System == FhirSystems.Ratio || c.System == FhirSystems.Rule || c.Code == "oxidation-type");

    private static Observation ElementObservation(Bundle bundle, string name) =>
        Observations(bundle).Single(o => o.Code.Text == name && o.Specimen is not null);

    [Test]
    public void Report_is_a_final_lab_report_with_the_note_the_html_and_every_observation()
    {
        var interpretation = Interpret("fast-oxidizer.yaml");
        var bundle = FhirExporter.ToBundle(interpretation);

        bundle.Type.Should().Be(Bundle.BundleType.Collection);
        var report = bundle.Entry.Select(e => e.Resource).OfType<DiagnosticReport>().Single();
        report.Status.Should().Be(DiagnosticReport.DiagnosticReportStatus.Final);
        report.Category.Single().Coding.Single().Should().Match<Coding>(c => c.System == "http://terminology.hl7.org/CodeSystem/v2-0074" && c.Code == "LAB");
        report.Effective.Should().BeOfType<FhirDateTime>().Which.Value.Should().Be("2026-02-03");
        report.Conclusion.Should().Contain(Interpretation.NotADiagnosis).And.Contain("Oxidation type: fast");
        var html = report.PresentedForm.Single();
        html.ContentType.Should().Be("text/html");
        System.Text.Encoding.UTF8.GetString(html.Data!).Should().Contain("<html");

        var observationUrls = bundle.Entry.Where(e => e.Resource is Observation).Select(e => e.FullUrl);
        report.Result.Select(r => r.Reference).Should().BeEquivalentTo(observationUrls);
        var derived = Observations(bundle).Where(IsDerived).ToList();
        var reported = Observations(bundle).Where(o => !IsDerived(o)).ToList();
        derived.Should().NotBeEmpty();
        reported.Should().NotBeEmpty();
        derived.Should().OnlyContain(o => o.Method!.Text!.Contains(interpretation.RuleSetVersion, StringComparison.Ordinal)
            && o.Method.Text.Contains(interpretation.LabProfile.Id, StringComparison.Ordinal) && o.Performer.Count == 0 && o.Category.Count == 0);
        reported.Should().OnlyContain(o => o.Method == null && o.Category.Single().Coding.Single().Code == "laboratory" && o.Performer.Count == 1,
            "the lab measured these values; the library's method and model belong to what it worked out");
    }

    [Test]
    public void Element_with_a_hair_loinc_code_carries_it_and_the_ucum_unit_and_a_profile_flag()
    {
        var interpretation = Interpret("fast-oxidizer.yaml");
        var bundle = FhirExporter.ToBundle(interpretation);

        var sodium = ElementObservation(bundle, "Sodium");
        sodium.Code.Coding.Single().Should().Match<Coding>(c => c.System == "http://loinc.org" && c.Code == "51205-3");
        var value = sodium.Value.Should().BeOfType<Quantity>().Subject;
        value.Value.Should().Be(60m);
        value.System.Should().Be("http://unitsofmeasure.org");
        value.Code.Should().Be("mg/(100.g)");
        var level = interpretation.Elements.Single(e => e.Measurement.Element?.Symbol == "Na");
        level.ProfileRange.Should().NotBeNull("the TEI profile has a sodium range");
        sodium.Interpretation.Single(i => i.Coding.Count > 0).Coding.Single().Code.Should().Be(level.Level == HtmaInterpreter.Labs.ElementLevel.High ? "H" : level.Level == HtmaInterpreter.Labs.ElementLevel.Low ? "L" : "N");
        sodium.ReferenceRange.Should().NotBeEmpty();

        var calcium = ElementObservation(bundle, "Calcium");
        calcium.Code.Coding.Should().BeEmpty("no [Mass/mass] in Hair LOINC code is verified for calcium");
    }

    [Test]
    public void Censored_and_not_detected_values_keep_their_meaning()
    {
        var bundle = FhirExporter.ToBundle(Interpret("doctors-data-washed.csv"));
        Observations(bundle).Select(o => o.Value).OfType<Quantity>()
            .Should().Contain(q => q.Comparator == Quantity.QuantityComparator.LessThan);

        var beryllium = ElementObservation(FhirExporter.ToBundle(Interpret("fast-oxidizer.yaml")), "Beryllium");
        beryllium.Value.Should().BeOfType<CodeableConcept>().Which.Text.Should().Be("Not detected");
    }

    [Test]
    public void Ratios_oxidation_and_findings_are_coded_in_the_project_systems_and_point_at_their_evidence()
    {
        var interpretation = Interpret("fast-oxidizer-lead-cadmium.json");
        var bundle = FhirExporter.ToBundle(interpretation);
        var byUrl = bundle.Entry.ToDictionary(e => e.FullUrl!, e => e.Resource!);

        var ratio = Observations(bundle).Single(o => o.Code.Coding.Any(c => c.System == FhirSystems.Ratio && c.Code == "Ca/Mg"));
        ratio.DerivedFrom.Select(r => ((Observation)byUrl[r.Reference!]!).Code.Text).Should().BeEquivalentTo("Calcium", "Magnesium");
        ratio.ReferenceRange.Should().BeEmpty("an ideal is not a reference range a receiving system should flag against");
        ratio.Note.Should().Contain(n => n.Text != null && n.Text.StartsWith("Ideal: ", StringComparison.Ordinal));

        var oxidation = Observations(bundle).Single(o => o.Code.Coding.Any(c => c.Code == "oxidation-type"));
        oxidation.Value.Should().BeOfType<CodeableConcept>().Which.Coding.Single().Code.Should().Be("fast");

        interpretation.Findings.Should().NotBeEmpty();
        var findings = Observations(bundle).Where(o => o.Code.Coding.Any(c => c.System == FhirSystems.Rule)).ToList();
        findings.Select(o => o.Code.Coding.Single().Code).Should().BeEquivalentTo(interpretation.Findings.Select(f => f.RuleId));
        findings.Should().OnlyContain(o => o.Component.Any(c => c.Code.Coding.Single().Code == "severity"));
        findings.Where(o => o.DerivedFrom.Count > 0).Should().NotBeEmpty();
        findings.SelectMany(o => o.DerivedFrom).Should().OnlyContain(r => byUrl.ContainsKey(r.Reference!));
    }

    [Test]
    public void Subject_and_performer_come_from_the_options_when_given()
    {
        var options = new FhirExportOptions
        {
            Subject = new ResourceReference("Patient/123"),
            Performer = new ResourceReference("Organization/lab-1"),
        };
        var bundle = FhirExporter.ToBundle(Interpret("slow-oxidizer.csv"), options);

        bundle.Entry.Select(e => e.Resource).OfType<Patient>().Should().BeEmpty();
        Observations(bundle).Should().OnlyContain(o => o.Subject!.Reference == "Patient/123");
        Observations(bundle).Where(o => !IsDerived(o)).Should().OnlyContain(o => o.Performer.Single().Reference == "Organization/lab-1");
    }

    [Test]
    public void Same_interpretation_exports_the_same_json()
    {
        var interpretation = Interpret("mixed-pattern.json");
        FhirExporter.ToJson(interpretation).Should().Be(FhirExporter.ToJson(interpretation));
        FhirExporter.ToJson(interpretation).Should().Contain("\"resourceType\": \"Bundle\"");
    }
}

public class FhirExporterEdgeTests
{
    [Test]
    public void A_ratio_too_large_for_a_decimal_is_written_as_absent_not_thrown()
    {
        var interpretation = Interpreter.Default.Interpret(Samples.Panel("slow-oxidizer.csv"));
        var huge = interpretation with { Ratios = [interpretation.Ratios[0] with { Value = 1e300 }, .. interpretation.Ratios.Skip(1)] };

        var bundle = FhirExporter.ToBundle(huge);

        var ratio = bundle.Entry.Select(e => e.Resource).OfType<Observation>()
            .Single(o => o.Code.Coding.Any(c => c.System == FhirSystems.Ratio && c.Code == interpretation.Ratios[0].Name));
        ratio.Value.Should().BeNull();
        ratio.DataAbsentReason.Should().NotBeNull();
    }

    [Test]
    public void The_hosts_references_are_copied_not_shared()
    {
        var subject = new ResourceReference("Patient/1");
        var bundle = FhirExporter.ToBundle(Interpreter.Default.Interpret(Samples.Panel("slow-oxidizer.csv")), new FhirExportOptions { Subject = subject });

        subject.Reference = "Patient/2";

        bundle.Entry.Select(e => e.Resource).OfType<Observation>().Should().OnlyContain(o => o.Subject!.Reference == "Patient/1");
    }
}
