using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Panels;

namespace HtmaInterpreter.Fhir.Tests;

public class FhirImporterTests
{
    private const string Hair = """{ "resourceType": "Specimen", "type": { "text": "Hair" } }""";

    private static string Observation(string code, string value, string extra = "") => $$"""
        { "resourceType": "Observation", "status": "final", "code": {{code}}, {{value}}{{extra}} }
        """;

    private static string Loinc(string code) => $$"""{ "coding": [ { "system": "http://loinc.org", "code": "{{code}}" } ] }""";

    private static string Mass(decimal value, string ucum, string comparator = "") =>
        $$"""
        "valueQuantity": { {{(comparator.Length == 0 ? "" : $"\"comparator\": \"{comparator}\", ")}}"value": {{value}}, "system": "http://unitsofmeasure.org", "code": "{{ucum}}" }
        """;

    private static string Bundle(string type, params string[] resources) =>
        $$"""{ "resourceType": "Bundle", "type": "{{type}}", "entry": [ {{string.Join(", ", resources.Select((r, i) => $$"""{ "fullUrl": "urn:uuid:00000000-0000-0000-0000-00000000000{{i}}", "resource": {{r}} }"""))}} ] }""";

    [Test]
    public void Transaction_bundle_with_a_report_reads_element_values_units_comparators_and_the_patient()
    {
        var json = Bundle(
            "transaction",
            """{ "resourceType": "Patient", "identifier": [ { "value": "P-7" } ], "gender": "female" }""",
            Hair,
            Observation(Loinc("51205-3"), Mass(250m, "ug/g"), """, "specimen": { "reference": "urn:uuid:00000000-0000-0000-0000-000000000001" }"""),
            Observation("""{ "text": "Calcium" }""", Mass(40m, "mg/(100.g)")),
            Observation("""{ "text": "Cadmium" }""", Mass(0.01m, "[ppm]", "<")),
            """
            { "resourceType": "DiagnosticReport", "status": "final", "code": { "text": "Hair" },
              "identifier": [ { "value": "S-1" } ], "effectiveDateTime": "2026-03-04", "performer": [ { "display": "TEI" } ],
              "subject": { "reference": "urn:uuid:00000000-0000-0000-0000-000000000000" },
              "result": [ { "reference": "urn:uuid:00000000-0000-0000-0000-000000000002" }, { "reference": "urn:uuid:00000000-0000-0000-0000-000000000003" }, { "reference": "urn:uuid:00000000-0000-0000-0000-000000000004" } ] }
            """);

        var result = FhirImporter.ReadText(json, "in.json");

        result.HasErrors.Should().BeFalse(string.Join("; ", result.Diagnostics));
        var panel = result.Value.Should().ContainSingle().Subject;
        panel.SampleId.Should().Be("S-1");
        panel.SubjectId.Should().Be("P-7");
        panel.Sex.Should().Be(Sex.Female);
        panel.Lab.Should().Be("TEI");
        panel.CollectedOn.Should().Be(new DateOnly(2026, 3, 4));
        panel.Find("Na")!.Amount.Should().Be(new Concentration(250m, ConcentrationUnit.MicrogramPerGram));
        panel.Find("Ca")!.Amount.Should().Be(new Concentration(40m, ConcentrationUnit.MilligramPercent));
        panel.Find("Cd")!.Qualifier.Should().Be(MeasurementQualifier.BelowDetectionLimit);
        panel.Find("Cd")!.Amount.Unit.Should().Be(ConcentrationUnit.PartsPerMillion);
    }

    [Test]
    public void A_LOINC_code_that_is_not_a_hair_code_is_not_read_as_a_hair_value_even_when_its_text_names_an_element()
    {
        // "99999-9" stands for any LOINC code outside the hair table (a blood sodium, say): its text must not make it hair Na.
        var blood = """{ "coding": [ { "system": "http://loinc.org", "code": "99999-9" } ], "text": "Sodium" }""";
        var json = $"[ {Observation(blood, Mass(140m, "mg/(100.g)"))}, {Observation("""{ "text": "Zn" }""", Mass(16m, "mg/(100.g)"))} ]";

        var result = FhirImporter.ReadText(json, "mixed.json");

        var panel = result.Value.Should().ContainSingle().Subject;
        panel.Find("Na").Should().BeNull();
        panel.Find("Zn").Should().NotBeNull();
        result.Diagnostics.Should().Contain(d => d.Code == FhirDiagnosticCodes.NotAnElement && d.Location.Field == "[0].code");
    }

    [Test]
    public void A_report_without_a_subject_takes_no_patient_when_the_file_holds_several()
    {
        var json = Bundle(
            "collection",
            """{ "resourceType": "Patient", "identifier": [ { "value": "P-1" } ], "gender": "female" }""",
            """{ "resourceType": "Patient", "identifier": [ { "value": "P-2" } ], "gender": "male" }""",
            Observation("""{ "text": "Calcium" }""", Mass(40m, "mg/(100.g)")),
            """
            { "resourceType": "DiagnosticReport", "status": "final", "code": { "text": "Hair" }, "identifier": [ { "value": "S-2" } ],
              "result": [ { "reference": "urn:uuid:00000000-0000-0000-0000-000000000002" } ] }
            """);

        var panel = FhirImporter.ReadText(json, "two.json").Value.Should().ContainSingle().Subject;

        panel.SubjectId.Should().BeNull();
        panel.Sex.Should().Be(Sex.Unknown);
    }

    [Test]
    public void An_observation_its_sender_marked_entered_in_error_is_not_read()
    {
        var withdrawn = Observation("""{ "text": "Calcium" }""", Mass(400m, "mg/(100.g)")).Replace("\"final\"", "\"entered-in-error\"");
        var json = $"[ {withdrawn}, {Observation("""{ "text": "Zn" }""", Mass(16m, "mg/(100.g)"))} ]";

        var result = FhirImporter.ReadText(json, "in.json");

        var panel = result.Value.Should().ContainSingle().Subject;
        panel.Find("Ca").Should().BeNull();
        panel.Find("Zn").Should().NotBeNull();
        result.Diagnostics.Should().ContainSingle(d => d.Code == FhirDiagnosticCodes.WithdrawnResult)
            .Which.Location.Field.Should().Be("[0].status");
    }

    [Test]
    public void A_cancelled_report_gives_no_panel_and_its_results_do_not_come_back_as_loose_observations()
    {
        var json = Bundle(
            "collection",
            Observation("""{ "text": "Calcium" }""", Mass(40m, "mg/(100.g)")),
            """
            { "resourceType": "DiagnosticReport", "status": "cancelled", "code": { "text": "Hair" }, "identifier": [ { "value": "S-3" } ],
              "result": [ { "reference": "urn:uuid:00000000-0000-0000-0000-000000000000" } ] }
            """);

        var result = FhirImporter.ReadText(json, "cancelled.json");

        (result.Value ?? []).Should().BeEmpty();
        result.Diagnostics.Should().Contain(d => d.Code == FhirDiagnosticCodes.WithdrawnResult && d.Location.Field == "Bundle.entry[1].resource.status");
    }

    [Test]
    public void A_file_name_without_a_stem_still_gives_a_sample_id()
    {
        var json = $"[ {Observation("""{ "text": "Zn" }""", Mass(16m, "mg/(100.g)"))} ]";

        FhirImporter.ReadText(json, ".json").Value.Should().ContainSingle().Which.SampleId.Should().Be("fhir");
    }

    [Test]
    public void Bare_observation_list_is_one_panel_named_after_the_file()
    {
        var json = $"[ {Observation(Loinc("5673-9"), Mass(0.3m, "ug/g"))}, {Observation("""{ "text": "Zn" }""", Mass(16m, "mg/(100.g)"))} ]";

        var result = FhirImporter.ReadText(json, "clinic-export.json");

        result.HasErrors.Should().BeFalse();
        var panel = result.Value.Should().ContainSingle().Subject;
        panel.SampleId.Should().Be("clinic-export");
        panel.Measurements.Select(m => m.Element!.Symbol).Should().Equal("Pb", "Zn");
        result.Diagnostics.Should().Contain(d => d.Code == DiagnosticCodes.SampleIdFromFileName);
    }

    [Test]
    public void Unknown_unit_is_an_error_at_its_json_path_and_names_no_value()
    {
        var json = Bundle("collection", Observation(Loinc("16172-9"), Mass(123.456m, "mg/dL")), Observation("""{ "text": "Ca" }""", Mass(40m, "mg/(100.g)")));

        var result = FhirImporter.ReadText(json, "in.json");

        var diagnostic = result.Diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.UnknownUnit).Subject;
        diagnostic.Location.Field.Should().Be("Bundle.entry[0].resource.valueQuantity.code");
        diagnostic.Message.Should().NotContain("123.456");
        result.Value!.Single().Measurements.Select(m => m.Element!.Symbol).Should().Equal("Ca");
    }

    [Test]
    public void Other_comparators_non_hair_specimens_unknown_codes_and_missing_values_are_reported_not_dropped()
    {
        var json = Bundle(
            "searchset",
            """{ "resourceType": "Specimen", "type": { "text": "Serum" } }""",
            Observation(Loinc("2497-6"), Mass(1m, "ug/g", ">=")),
            Observation(Loinc("5686-1"), Mass(1m, "ug/g"), """, "specimen": { "reference": "urn:uuid:00000000-0000-0000-0000-000000000000" }"""),
            Observation("""{ "text": "Cholesterol" }""", Mass(1m, "ug/g")),
            """{ "resourceType": "Observation", "status": "final", "code": { "text": "K" }, "dataAbsentReason": { "text": "lost" } }""",
            Observation("""{ "text": "Ca" }""", Mass(40m, "mg/(100.g)")));

        var result = FhirImporter.ReadText(json, "in.json");

        result.Diagnostics.Select(d => (d.Code, d.Location.Field)).Should().Contain(
        [
            (FhirDiagnosticCodes.UnsupportedComparator, "Bundle.entry[1].resource.valueQuantity.comparator"),
            (FhirDiagnosticCodes.NotHair, "Bundle.entry[2].resource.specimen"),
            (FhirDiagnosticCodes.NotAnElement, "Bundle.entry[3].resource.code"),
            (FhirDiagnosticCodes.NoValue, "Bundle.entry[4].resource"),
        ]);
        result.Value!.Single().Measurements.Select(m => m.Element!.Symbol).Should().Equal("Ca");
    }

    [TestCase("{ \"resourceType\": \"Bundle\", ", 1)]
    [TestCase("not json", 1)]
    [TestCase("{ \"resourceType\": \"Observation\", \"status\": \"final\", \"code\": { \"text\": \"Ca\" }, \"valueQuantity\": { \"value\": \"forty\" } }", 1)]
    public void Malformed_json_becomes_a_located_diagnostic(string json, int line)
    {
        var result = FhirImporter.ReadText(json, "bad.json");

        var diagnostic = result.Diagnostics.Should().Contain(d => d.Code == FhirDiagnosticCodes.InvalidJson).Which;
        diagnostic.Severity.Should().Be(DiagnosticSeverity.Error);
        diagnostic.Location.File.Should().Be("bad.json");
        diagnostic.Message.Should().NotContain("forty");
        result.HasErrors.Should().BeTrue();
    }

    [Test]
    public void Other_resources_and_empty_or_oversized_input_are_diagnostics()
    {
        FhirImporter.ReadText("""{ "resourceType": "Practitioner", "active": true }""").Diagnostics.Select(d => d.Code)
            .Should().Contain(FhirDiagnosticCodes.UnsupportedResource).And.Contain(DiagnosticCodes.NoPanels);
        FhirImporter.ReadText("  \n").Diagnostics.Single().Code.Should().Be(DiagnosticCodes.EmptyInput);
        FhirImporter.ReadText(new string(' ', InputLimits.MaxDocumentBytes + 1)).Diagnostics.Single().Code.Should().Be(DiagnosticCodes.InputTooLarge);
        using var stream = new MemoryStream(new byte[InputLimits.MaxDocumentBytes + 1]);
        FhirImporter.Read(stream, "big.json").Diagnostics.Single().Code.Should().Be(DiagnosticCodes.InputTooLarge);
        FhirImporter.ReadFile("/nonexistent/x.json").Diagnostics.Single().Code.Should().Be(DiagnosticCodes.FileNotReadable);
    }

    [TestCase(false)]
    [TestCase(true)]
    public void Deep_nesting_is_a_diagnostic_not_a_crash(bool asArray)
    {
        var deep = new string('[', 10_000) + new string(']', 10_000);
        var json = asArray ? "[ " + deep + " ]" : "{ \"resourceType\": \"Observation\", \"note\": " + deep + " }";

        var result = FhirImporter.ReadText(json, "deep.json");

        result.Diagnostics.Should().Contain(d => d.Code == FhirDiagnosticCodes.InvalidJson && d.Severity == DiagnosticSeverity.Error);
    }

    [TestCase("[1, null, {}, \"x\"]")]
    [TestCase("{}")]
    [TestCase("null")]
    [TestCase("{ \"resourceType\": \"NoSuchThing\" }")]
    [TestCase("{ \"resourceType\": \"Bundle\", \"type\": \"collection\", \"entry\": [ { \"resource\": { \"resourceType\": \"Bundle\", \"type\": \"collection\" } } ] }")]
    public void Odd_documents_are_errors_not_exceptions(string json)
    {
        var result = FhirImporter.ReadText(json, "odd.json");

        result.HasErrors.Should().BeTrue();
        result.Value.Should().BeEmpty();
    }
}
