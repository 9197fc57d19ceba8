using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Panels;
using HtmaInterpreter.Readers;
using static HtmaInterpreter.Tests.Readers.ReaderTestSupport;

namespace HtmaInterpreter.Tests.Readers;

public class PanelFormatsTests
{
    private const string LongCsv = """
        # sample_id: S-1001
        # lab: ARL
        # collected: 2026-03-14
        # sex: female
        # age: 42
        # treatment: unwashed
        element,value,unit,reference_low,reference_high,flag
        Ca,73,mg%,,,
        Hg,<0.002,mg%,,,
        K,9,mg%,2,24,
        Pb,ND,mg%,,,
        """;

    private const string Yaml = """
        sample_id: S-1001
        lab: ARL
        collected: 2026-03-14
        sex: female
        age: 42
        treatment: unwashed
        unit: mg%            # default unit for the measurements below
        measurements:
          - { element: Ca, value: 73 }
          - { element: Hg, value: "<0.002", unit: mg% }
          - { element: K, value: 9, reference_low: 2, reference_high: 24, flag: ~ }
          - { element: Pb, value: ND }
        """;

    private const string Json = """
        {
          "sample_id": "S-1001", "lab": "ARL", "collected": "2026-03-14", "sex": "female", "age": 42,
          "treatment": "unwashed", "unit": "mg%",
          "measurements": [
            {"element": "Ca", "value": 73},
            {"element": "Hg", "value": "<0.002", "unit": "mg%"},
            {"element": "K", "value": 9, "reference_low": 2, "reference_high": 24, "flag": null},
            {"element": "Pb", "value": "ND"}
          ]
        }
        """;

    [Test]
    public void The_same_panel_read_from_long_csv_yaml_and_json_is_equal()
    {
        var fromCsv = Read(LongCsv, "s1001.csv");
        var fromYaml = Read(Yaml, "s1001.yaml");
        var fromJson = Read(Json, "s1001.json");

        foreach (var result in new[] { fromCsv, fromYaml, fromJson })
        {
            result.Diagnostics.Should().BeEmpty();
            result.Success.Should().BeTrue();
        }

        var panel = Single(fromCsv);
        panel.Should().Be(Single(fromYaml)).And.Be(Single(fromJson));
        panel.SampleId.Should().Be("S-1001");
        panel.Lab.Should().Be("ARL");
        panel.CollectedOn.Should().Be(new DateOnly(2026, 3, 14));
        panel.Sex.Should().Be(Sex.Female);
        panel.AgeYears.Should().Be(42);
        panel.Treatment.Should().Be(SampleTreatment.Unwashed);
        panel.Find("Ca")!.Amount.Should().Be(new Concentration(73m, ConcentrationUnit.MilligramPercent));
        panel.Find("Hg")!.Qualifier.Should().Be(MeasurementQualifier.BelowDetectionLimit);
        panel.Find("Hg")!.Amount.Value.Should().Be(0.002m);
        panel.Find("K")!.LabRange.Should().Be(new ReferenceRange(2m, 24m, ConcentrationUnit.MilligramPercent));
        panel.Find("Pb")!.Qualifier.Should().Be(MeasurementQualifier.NotDetected);
        panel.Find("Pb")!.Amount.Value.Should().Be(0m);
    }

    [Test]
    public void A_wide_csv_row_equals_the_same_panel_in_yaml()
    {
        const string wide = """
            sample_id,lab,sex,age,collected,treatment,Ca (mg%),Hg (mg%),K (mg%)
            S-1001,ARL,female,42,2026-03-14,unwashed,73,<0.002,9
            S-1002,TEI,m,35,2026-04-01,washed,40,0.01,3
            """;
        const string yaml = """
            - sample_id: S-1001
              lab: ARL
              sex: female
              age: 42
              collected: 2026-03-14
              treatment: unwashed
              unit: mg%
              measurements:
                - { element: Ca, value: 73 }
                - { element: Hg, value: "<0.002" }
                - { element: K, value: 9 }
            """;

        var fromWide = Read(wide, "many.csv");
        var fromYaml = Read(yaml, "one.yaml");

        fromWide.Diagnostics.Should().BeEmpty();
        fromWide.Value.Should().HaveCount(2);
        fromWide.Value![0].Should().Be(Single(fromYaml));
        fromWide.Value[1].Sex.Should().Be(Sex.Male);
        fromWide.Value[1].Treatment.Should().Be(SampleTreatment.Washed);
        fromWide.Value[1].Source!.Line.Should().Be(3);
    }

    [Test]
    public void A_wide_csv_with_a_unit_column_applies_it_to_the_row()
    {
        const string wide = """
            sample_id,lab,unit,Ca,Mg
            S-1,Doctor's Data,µg/g,730,60
            S-2,ARL,mg%,73,6
            """;

        var result = Read(wide, "wide.csv");

        result.Diagnostics.Should().BeEmpty();
        result.Value![0].Find("Ca")!.Amount.Should().Be(new Concentration(730m, ConcentrationUnit.MicrogramPerGram));
        result.Value[0].Find("Ca")!.Amount.IsSameAmountAs(result.Value[1].Find("Ca")!.Amount).Should().BeTrue();
    }

    [Test]
    public void Yaml_and_json_accept_a_list_and_a_panels_wrapper()
    {
        const string yaml = """
            panels:
              - sample_id: A
                unit: ppm
                measurements: [ { element: Zn, value: 180 } ]
              - sample_id: B
                unit: ppm
                measurements: [ { element: Zn, value: 150 } ]
            """;
        const string json = """[{"sample_id":"A","unit":"ppm","measurements":[{"element":"Zn","value":180}]},{"sample_id":"B","unit":"ppm","measurements":[{"element":"Zn","value":150}]}]""";

        var fromYaml = Read(yaml, "two.yml");
        var fromJson = Read(json, "two.json");

        fromYaml.Diagnostics.Should().BeEmpty();
        fromJson.Diagnostics.Should().BeEmpty();
        fromYaml.Value.Should().Equal(fromJson.Value!);
        fromYaml.Value!.Select(p => p.SampleId).Should().Equal("A", "B");
    }

    [TestCase("panel.data", "{\"sample_id\":\"X\",\"unit\":\"mg%\",\"measurements\":[{\"element\":\"Ca\",\"value\":1}]}")]
    [TestCase("panel.data", "sample_id: X\nunit: mg%\nmeasurements:\n  - { element: Ca, value: 1 }\n")]
    [TestCase("panel.data", "# sample_id: X\nelement,value,unit\nCa,1,mg%\n")]
    [TestCase("panel.data", "sample_id,Ca (mg%)\nX,1\n")]
    public void Without_a_known_extension_the_format_is_found_from_the_content(string fileName, string text)
    {
        var result = Read(text, fileName);

        result.Diagnostics.Should().BeEmpty();
        var panel = Single(result);
        panel.SampleId.Should().Be("X");
        panel.Find("Ca")!.Amount.Should().Be(new Concentration(1m, ConcentrationUnit.MilligramPercent));
    }

    [Test]
    public void Text_that_is_no_known_format_gives_HTMA0102()
    {
        var result = Read("just some words\n", "notes.data");

        var diagnostic = SingleWithCode(result, DiagnosticCodes.UnknownFormat);
        diagnostic.Location.Should().Be(new SourceLocation("notes.data", 1, 1));
        result.Value.Should().BeEmpty();
    }

    [Test]
    public void A_long_csv_without_sample_id_uses_the_file_name_and_says_so()
    {
        var result = Read("element,value,unit\nCa,73,mg%\n", "reports/client-7.csv");

        Single(result).SampleId.Should().Be("client-7");
        var info = SingleWithCode(result, DiagnosticCodes.SampleIdFromFileName);
        info.Severity.Should().Be(DiagnosticSeverity.Info);
        info.Message.Should().Contain("client-7");
        result.Success.Should().BeTrue();
    }

    [Test]
    public void Header_names_are_case_insensitive_and_in_any_order_and_comments_are_not_metadata()
    {
        const string csv = """
            # what is this: a comment, not metadata (the key has blanks)
            # sample_id: S-9
            Unit,Flag,Value,ELEMENT
            mg%,H,73,Calcium
            """;

        var result = Read(csv, "x.csv");

        result.Diagnostics.Should().BeEmpty();
        var calcium = Single(result).Measurements.Single();
        calcium.ReportedName.Should().Be("Calcium");
        calcium.Element!.Symbol.Should().Be("Ca");
        calcium.LabFlag.Should().Be("H");
        calcium.Source.Should().Be(new SourceLocation("x.csv", 4, 10, "element"));
    }

    [Test]
    public void Reading_a_file_from_disk_names_the_file_and_a_missing_file_gives_HTMA0114()
    {
        var path = Path.Combine(Path.GetTempPath(), $"htma-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, Yaml);
        try
        {
            var result = Reader.ReadFile(path);
            result.Success.Should().BeTrue();
            Single(result).Source!.File.Should().Be(path);
        }
        finally
        {
            File.Delete(path);
        }

        var missing = Reader.ReadFile(path);
        SingleWithCode(missing, DiagnosticCodes.FileNotReadable).Location.File.Should().Be(path);
        missing.Value.Should().BeEmpty();
    }

    [Test]
    public void Unknown_metadata_fields_are_kept_in_extra_fields_with_a_warning()
    {
        var result = Read("sample_id: S\nclinic: North\nunit: mg%\nmeasurements: [ { element: Ca, value: 1 } ]\n", "p.yaml");

        Single(result).ExtraFields.Should().ContainSingle().Which.Should().Be(new KeyValuePair<string, string>("clinic", "North"));
        var warning = SingleWithCode(result, DiagnosticCodes.UnknownField);
        warning.Location.Should().Be(new SourceLocation("p.yaml", 2, 9, "clinic"));
        warning.Severity.Should().Be(DiagnosticSeverity.Warning);
    }
}

public class FormatDetectionTests
{
    [TestCase("# Samples\n\nThis folder: holds files.\n", "notes.md")]
    [TestCase("hello world\n", "x.bin")]
    public void Prose_is_not_taken_for_yaml(string text, string fileName) =>
        ReaderTestSupport.Read(text, fileName).Diagnostics.Single().Code.Should().Be(DiagnosticCodes.UnknownFormat);
}
