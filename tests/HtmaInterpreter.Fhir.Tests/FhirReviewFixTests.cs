using Hl7.Fhir.Model;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Oxidation;
using HtmaInterpreter.Panels;
using HtmaInterpreter.Readers;

namespace HtmaInterpreter.Fhir.Tests;

/// <summary>
/// The points of the review of the FHIR package: loose Observations grouped by subject and date, typed reference ranges,
/// facts taken from the core's public API (units, oxidation words, age bound, absurd values), coded hair specimens and
/// units outside the domain notes' UCUM list.
/// </summary>
public class FhirReviewFixTests
{
    private static string Quantity(decimal value, string code, string system = "http://unitsofmeasure.org") =>
        $$"""{ "value": {{value.ToString(System.Globalization.CultureInfo.InvariantCulture)}}, "system": "{{system}}", "code": "{{code}}" }""";

    private static string Observation(string text, string quantity, string extra = "") =>
        $$"""{ "resourceType": "Observation", "status": "final", "code": { "text": "{{text}}" }, "valueQuantity": {{quantity}}{{extra}} }""";

    private static string Subject(string id) => $$""", "subject": { "reference": "Patient/{{id}}" }""";

    private static string Date(string date) => $$""", "effectiveDateTime": "{{date}}" """;

    private static string Array(params string[] resources) => "[ " + string.Join(", ", resources) + " ]";

    private static ParseResult<IReadOnlyList<Panel>> Read(string json) => FhirImporter.ReadText(json, "loose.json");

    // a. Loose Observations

    [Test]
    public void Loose_observations_of_two_subjects_become_two_panels()
    {
        var result = Read(Array(
            Observation("Ca", Quantity(40m, "mg/(100.g)"), Subject("a") + Date("2026-01-02")),
            Observation("Ca", Quantity(90m, "mg/(100.g)"), Subject("b") + Date("2026-01-02")),
            Observation("Mg", Quantity(6m, "mg/(100.g)"), Subject("a") + Date("2026-01-02"))));

        result.HasErrors.Should().BeFalse(string.Join("; ", result.Diagnostics));
        result.Value.Should().HaveCount(2);
        result.Value![0].Measurements.Select(m => m.Element!.Symbol).Should().Equal("Ca", "Mg");
        result.Value[0].Find("Ca")!.Amount.Value.Should().Be(40m);
        result.Value[1].Find("Ca")!.Amount.Value.Should().Be(90m);
        result.Value.Select(p => p.SampleId).Should().Equal("loose-1", "loose-2");
        result.Diagnostics.Should().NotContain(d => d.Code == DiagnosticCodes.DuplicateElement);
    }

    [Test]
    public void Loose_observations_of_one_subject_on_two_dates_become_two_dated_panels()
    {
        var result = Read(Array(
            Observation("Ca", Quantity(40m, "mg/(100.g)"), Subject("a") + Date("2026-01-02")),
            Observation("Ca", Quantity(50m, "mg/(100.g)"), Subject("a") + Date("2026-06-02"))));

        result.Value.Should().HaveCount(2);
        result.Value!.Select(p => p.CollectedOn).Should().Equal(new DateOnly(2026, 1, 2), new DateOnly(2026, 6, 2));
    }

    private static string BundleWithPatientA(params string[] observations) =>
        $$"""{ "resourceType": "Bundle", "type": "collection", "entry": [ { "fullUrl": "http://example.org/fhir/Patient/a", "resource": { "resourceType": "Patient", "id": "a", "gender": "female" } }"""
        + string.Concat(observations.Select(o => ", { \"resource\": " + o + " }")) + " ] }";

    [TestCase("Patient/b")]
    [TestCase("https://ehr.example.org/fhir/Patient/b")]
    [TestCase("https://ehr.example.org/fhir/Patient/b/_history/2")]
    public void A_panel_whose_subject_is_not_in_the_file_is_not_given_the_file_s_only_patient(string reference)
    {
        var subject = $$""", "subject": { "reference": "{{reference}}" }""";
        var result = Read(BundleWithPatientA(
            Observation("Ca", Quantity(40m, "mg/(100.g)"), subject),
            Observation("Mg", Quantity(6m, "mg/(100.g)"), subject)));

        var panel = result.Value.Should().ContainSingle().Subject;
        panel.SubjectId.Should().Be("b", "the reference names another person");
        panel.Sex.Should().Be(Sex.Unknown, "the file's Patient is someone else");
    }

    [Test]
    public void A_panel_that_names_no_subject_takes_the_file_s_only_patient()
    {
        var result = Read(BundleWithPatientA(
            Observation("Ca", Quantity(40m, "mg/(100.g)")),
            Observation("Mg", Quantity(6m, "mg/(100.g)"))));

        var panel = result.Value.Should().ContainSingle().Subject;
        panel.SubjectId.Should().Be("a");
        panel.Sex.Should().Be(Sex.Female);
    }

    [Test]
    public void An_observation_without_a_date_joins_the_only_date_of_its_subject()
    {
        var result = Read(Array(
            Observation("Ca", Quantity(40m, "mg/(100.g)"), Subject("a") + Date("2026-01-02")),
            Observation("Mg", Quantity(6m, "mg/(100.g)"), Subject("a"))));

        var panel = result.Value.Should().ContainSingle().Subject;
        panel.CollectedOn.Should().Be(new DateOnly(2026, 1, 2));
        panel.Measurements.Should().HaveCount(2);
    }

    [Test]
    public void An_observation_without_a_subject_among_two_subjects_is_reported_and_not_read()
    {
        var result = Read(Array(
            Observation("Ca", Quantity(40m, "mg/(100.g)"), Subject("a")),
            Observation("Ca", Quantity(90m, "mg/(100.g)"), Subject("b")),
            Observation("Mg", Quantity(6m, "mg/(100.g)"))));

        result.Value.Should().HaveCount(2).And.OnlyContain(p => p.Find("Mg") == null);
        var diagnostic = result.Diagnostics.Should().ContainSingle(d => d.Code == FhirDiagnosticCodes.UngroupedObservation).Subject;
        diagnostic.Severity.Should().Be(DiagnosticSeverity.Error, "a value that is not read is an error, as a refused unit is");
        diagnostic.Location.Field.Should().Be("[2]");
        diagnostic.Message.Should().Contain("names no subject").And.Contain("more than one person");
    }

    [Test]
    public void An_observation_without_a_date_joins_its_own_subject_s_only_date_even_when_others_have_other_dates()
    {
        var result = Read(Array(
            Observation("Ca", Quantity(40m, "mg/(100.g)"), Subject("a") + Date("2026-01-02")),
            Observation("Ca", Quantity(90m, "mg/(100.g)"), Subject("b") + Date("2026-05-06")),
            Observation("Mg", Quantity(6m, "mg/(100.g)"), Subject("a"))));

        result.Diagnostics.Should().NotContain(d => d.Code == FhirDiagnosticCodes.UngroupedObservation);
        result.Value.Should().HaveCount(2);
        result.Value![0].Measurements.Select(m => m.Element!.Symbol).Should().Equal("Ca", "Mg");
        result.Value[0].CollectedOn.Should().Be(new DateOnly(2026, 1, 2));
    }

    [Test]
    public void An_observation_without_a_date_of_a_subject_seen_on_two_dates_is_reported_and_not_read()
    {
        var result = Read(Array(
            Observation("Ca", Quantity(40m, "mg/(100.g)"), Subject("a") + Date("2026-01-02")),
            Observation("Ca", Quantity(50m, "mg/(100.g)"), Subject("a") + Date("2026-06-02")),
            Observation("Mg", Quantity(6m, "mg/(100.g)"), Subject("a"))));

        result.Value.Should().HaveCount(2).And.OnlyContain(p => p.Find("Mg") == null);
        result.Diagnostics.Should().ContainSingle(d => d.Code == FhirDiagnosticCodes.UngroupedObservation)
            .Which.Message.Should().Contain("names no effective date");
    }

    [Test]
    public void Many_loose_observations_are_grouped_in_one_pass()
    {
        // 2,000 subjects with one value each: one panel per subject (a quadratic grouping would show here as a slow test).
        var result = Read(Array([.. Enumerable.Range(0, 2000).Select(i => Observation("Ca", Quantity(40m, "mg/(100.g)"), Subject("p" + i) + Date("2026-01-02")))]));

        result.Value.Should().HaveCount(2000);
    }

    // b. Reference ranges

    [Test]
    public void A_profile_range_is_typed_normal_and_a_toxic_limit_carries_text_only()
    {
        var ranges = Samples.Panels
            .Select(p => FhirExporter.ToBundle(Interpreter.Default.Interpret(p.Panel)))
            .SelectMany(b => b.Entry.Select(e => e.Resource).OfType<Hl7.Fhir.Model.Observation>())
            .SelectMany(o => o.ReferenceRange)
            .ToList();

        var profile = ranges.Where(r => r.Text!.StartsWith("Reference range of the lab profile", StringComparison.Ordinal)).ToList();
        var printed = ranges.Where(r => r.Text == "Reference range printed by the lab").ToList();
        var toxic = ranges.Where(r => r.Text!.StartsWith("Toxic limit", StringComparison.Ordinal)).ToList();
        profile.Should().NotBeEmpty();
        toxic.Should().NotBeEmpty();
        profile.Should().OnlyContain(r => r.Type!.Coding.Single().System == "http://terminology.hl7.org/CodeSystem/referencerange-meaning"
            && r.Type!.Coding.Single().Code == "normal");
        toxic.Should().OnlyContain(r => r.Type == null && r.Low == null && r.High != null,
            "no code of the reference-range meaning system means a toxic limit, so the text alone tells it apart");
        printed.Should().NotBeEmpty().And.OnlyContain(r => r.Type == null && (r.Low != null || r.High != null),
            "the lab's own range is never typed as the profile's normal range");
        ranges.Should().HaveCount(profile.Count + toxic.Count + printed.Count);
    }

    // c. Facts from the core

    [Test]
    public void The_oxidation_codes_are_the_core_words_for_every_type()
    {
        foreach (var (_, panel) in Samples.Panels)
        {
            var interpretation = Interpreter.Default.Interpret(panel);
            var oxidation = FhirExporter.ToBundle(interpretation).Entry.Select(e => e.Resource).OfType<Hl7.Fhir.Model.Observation>()
                .Single(o => o.Code.Coding.Any(c => c.Code == "oxidation-type"));
            var coding = oxidation.Value.Should().BeOfType<CodeableConcept>().Which.Coding.Single();
            coding.Code.Should().Be(OxidationResult.WordFor(interpretation.Oxidation.Type));
        }

        Enum.GetValues<OxidationType>().Select(OxidationResult.WordFor).Should().Equal("indeterminate", "slow", "fast", "mixed");
    }

    [TestCase(150, false)]
    [TestCase(151, true)]
    public void An_age_outside_the_core_bound_gives_the_core_reader_s_diagnostic(int age, bool refused)
    {
        var csv = $"# sample_id: A-1\n# age: {age}\nelement,value,unit\nCa,40,mg%\n";
        var core = new PanelReader().ReadText(csv, "age.csv");
        var json = Array(
            Observation("Ca", Quantity(40m, "mg/(100.g)")),
            $$"""{ "resourceType": "Observation", "status": "final", "code": { "coding": [ { "system": "{{FhirSystems.Observation}}", "code": "age" } ] }, "valueQuantity": { "value": {{age}}, "system": "http://unitsofmeasure.org", "code": "a" } }""");
        var fhir = Read(json);

        core.Value![0].AgeYears.Should().Be(refused ? null : age);
        fhir.Value![0].AgeYears.Should().Be(refused ? null : age);
        var coreAge = core.Diagnostics.Where(d => d.Code == DiagnosticCodes.InvalidMetadataValue).Select(d => (d.Code, d.Severity)).ToList();
        var fhirAge = fhir.Diagnostics.Where(d => d.Code == DiagnosticCodes.InvalidMetadataValue).Select(d => (d.Code, d.Severity)).ToList();
        fhirAge.Should().Equal(coreAge);
        coreAge.Should().HaveCount(refused ? 1 : 0);
        Panel.MaxAgeYears.Should().Be(150);
    }

    [Test]
    public void An_absurd_value_gives_the_core_reader_s_warning_word_for_word()
    {
        var core = new PanelReader().ReadText("# sample_id: A-2\nelement,value,unit\nCa,20000,mg%\n", "absurd.csv");
        var fhir = Read(Array(Observation("Ca", Quantity(20000m, "mg/(100.g)"))));

        var coreWarning = core.Diagnostics.Single(d => d.Code == DiagnosticCodes.AbsurdValue);
        var fhirWarning = fhir.Diagnostics.Single(d => d.Code == DiagnosticCodes.AbsurdValue);
        fhirWarning.Severity.Should().Be(coreWarning.Severity);
        fhirWarning.Message.Should().Be(coreWarning.Message);
        fhirWarning.Location.Field.Should().Be("[0].valueQuantity.value");
        fhir.Value![0].Find("Ca")!.Amount.Value.Should().Be(20000m, "both readers keep the value");
    }

    [Test]
    public void A_value_at_the_physical_limit_is_not_absurd_and_one_above_is()
    {
        var limit = Measurement.PhysicalLimitMilligramPercent;
        Read(Array(Observation("Ca", Quantity(limit, "mg/(100.g)")))).Diagnostics.Should().NotContain(d => d.Code == DiagnosticCodes.AbsurdValue);
        Read(Array(Observation("Ca", Quantity((limit * 10m) + 10m, "ug/g")))).Diagnostics.Should().Contain(d => d.Code == DiagnosticCodes.AbsurdValue);
    }

    [Test]
    public void A_printed_unit_without_a_code_is_read_as_the_core_reads_it_for_every_unit_with_a_listed_ucum_code()
    {
        foreach (var unit in Enum.GetValues<ConcentrationUnit>())
        {
            var symbol = Concentration.SymbolOf(unit);
            Concentration.TryParseUnit(symbol, out var back).Should().BeTrue();
            back.Should().Be(unit);
            var result = Read($$"""[ { "resourceType": "Observation", "status": "final", "code": { "text": "Ca" }, "valueQuantity": { "value": 40, "unit": "{{symbol}}" } } ]""");
            if (unit is ConcentrationUnit.PartsPerBillion or ConcentrationUnit.NanogramPerGram)
            {
                result.Diagnostics.Should().Contain(d => d.Code == DiagnosticCodes.UnknownUnit && d.Message.Contains($"'{symbol}'", StringComparison.Ordinal)
                    && d.Location.Field == "[0].valueQuantity.unit");
                result.Value.Should().BeEmpty();
            }
            else
            {
                result.Value![0].Find("Ca")!.Amount.Should().Be(new Concentration(40m, unit), $"{symbol} is a unit the core reads");
            }
        }

        Read("""[ { "resourceType": "Observation", "status": "final", "code": { "text": "Ca" }, "valueQuantity": { "value": 400, "unit": "mcg/g" } } ]""")
            .Value![0].Find("Ca")!.Amount.Should().Be(new Concentration(400m, ConcentrationUnit.MicrogramPerGram), "mcg/g is a spelling the core's readers know");
    }

    // d. Coded hair specimens

    [TestCase("http://terminology.hl7.org/CodeSystem/v2-0487", "HAR", true)]
    [TestCase("http://snomed.info/sct", "119326000", true)]
    [TestCase("http://terminology.hl7.org/CodeSystem/v2-0487", "BLD", false)]
    [TestCase("http://snomed.info/sct", "119297000", false)]
    public void A_hair_specimen_coded_without_text_is_read_by_its_code(string system, string code, bool hair)
    {
        var json = $$"""
            { "resourceType": "Bundle", "type": "collection", "entry": [
              { "fullUrl": "urn:uuid:00000000-0000-0000-0000-000000000001", "resource": { "resourceType": "Specimen", "type": { "coding": [ { "system": "{{system}}", "code": "{{code}}" } ] } } },
              { "fullUrl": "urn:uuid:00000000-0000-0000-0000-000000000002", "resource":
                { "resourceType": "Observation", "status": "final", "code": { "text": "Ca" }, "valueQuantity": {{Quantity(40m, "mg/(100.g)")}},
                  "specimen": { "reference": "urn:uuid:00000000-0000-0000-0000-000000000001" } } } ] }
            """;

        var result = Read(json);

        if (hair)
        {
            result.HasErrors.Should().BeFalse(string.Join("; ", result.Diagnostics));
            result.Value.Should().ContainSingle();
        }
        else
        {
            var refusal = result.Diagnostics.Single(d => d.Code == FhirDiagnosticCodes.NotHair);
            refusal.Message.Should().Contain("HAR").And.Contain("119326000").And.Contain("\"hair\"");
            refusal.Location.Field.Should().Be("Bundle.entry[1].resource.specimen");
        }
    }

    // e. Units outside the domain notes' UCUM list

    [TestCase("[ppb]")]
    [TestCase("ng/g")]
    [TestCase("mg%")]
    public void A_ucum_code_outside_the_domain_list_is_refused_with_a_located_diagnostic_naming_it(string code)
    {
        var result = Read(Array(Observation("Ca", Quantity(400m, code))));

        result.Value.Should().BeEmpty();
        var error = result.Diagnostics.Single(d => d.Code == DiagnosticCodes.UnknownUnit);
        error.Severity.Should().Be(DiagnosticSeverity.Error);
        error.Message.Should().Contain($"'{code}'").And.Contain("mg/(100.g), [ppm], ug/g, mg/kg");
        error.Location.Field.Should().Be("[0].valueQuantity.code");
    }

    [TestCase(ConcentrationUnit.PartsPerBillion)]
    [TestCase(ConcentrationUnit.NanogramPerGram)]
    public void A_panel_in_ppb_or_ng_per_g_is_exported_in_ug_per_g_the_same_amount_and_reads_back(ConcentrationUnit unit)
    {
        var source = Samples.Panel("fast-oxidizer.yaml");
        var panel = source with { Measurements = [.. source.Measurements.Select(m => m with { Amount = m.Amount.To(unit), LabRange = null })] };
        var interpretation = Interpreter.Default.Interpret(panel);

        var json = FhirExporter.ToJson(interpretation);

        json.Should().NotContain("[ppb]").And.NotContain("\"ng/g\"").And.NotContain("\"ppb\"");
        var back = FhirImporter.ReadText(json, "ppb.json");
        back.HasErrors.Should().BeFalse(string.Join("; ", back.Diagnostics));
        var read = back.Value.Should().ContainSingle().Subject;
        read.Measurements.Where(m => m.Qualifier != MeasurementQualifier.NotDetected).Should().OnlyContain(m => m.Amount.Unit == ConcentrationUnit.MicrogramPerGram);
        foreach (var measurement in panel.Measurements)
        {
            read.Find(measurement.Element!)!.Amount.IsSameAmountAs(measurement.Amount).Should().BeTrue(measurement.ReportedName);
        }

        var again = Interpreter.Default.Interpret(read);
        again.Oxidation.Type.Should().Be(interpretation.Oxidation.Type);
        again.Findings.Select(f => f.RuleId).Should().Equal(interpretation.Findings.Select(f => f.RuleId));
    }
}
