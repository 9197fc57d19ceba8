using System.Text;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Panels;
using static HtmaInterpreter.Tests.Readers.ReaderTestSupport;

namespace HtmaInterpreter.Tests.Readers;

public class BadInputTests
{
    [TestCase("empty.csv", "")]
    [TestCase("empty.csv", "\n  \n")]
    [TestCase("empty.yaml", "")]
    [TestCase("empty.json", "  ")]
    public void An_empty_file_gives_HTMA0101_at_line_1(string fileName, string text)
    {
        var result = Read(text, fileName);

        var error = SingleWithCode(result, DiagnosticCodes.EmptyInput);
        error.Severity.Should().Be(DiagnosticSeverity.Error);
        error.Location.File.Should().Be(fileName);
        error.Location.Line.Should().BeGreaterThanOrEqualTo(1);
        error.Message.Should().Contain("empty");
        result.Value.Should().BeEmpty();
        result.Success.Should().BeFalse();
    }

    [Test]
    public void A_utf8_byte_order_mark_is_read_fine_from_a_stream_and_from_text()
    {
        var text = "# sample_id: S-1\nelement,value,unit\nCa,73,mg%\n";
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();

        using var stream = new MemoryStream(bytes);
        var fromStream = Reader.Read(stream, "bom.csv");
        var fromText = Read("\uFEFF" + text, "bom.csv");
        var fromJson = Read("\uFEFF{\"sample_id\":\"S-1\",\"unit\":\"mg%\",\"measurements\":[{\"element\":\"Ca\",\"value\":73}]}", "bom.json");

        foreach (var result in new[] { fromStream, fromText, fromJson })
        {
            result.Diagnostics.Should().BeEmpty();
            Single(result).SampleId.Should().Be("S-1");
            Single(result).Find("Ca")!.Amount.Value.Should().Be(73m);
        }
    }

    [Test]
    public void A_semicolon_separated_export_with_decimal_commas_is_read_correctly()
    {
        const string csv = """
            # sample_id: EU-1
            element;value;unit;reference_low;reference_high
            Ca;73,5;mg%;35;65
            Hg;<0,002;mg%;;
            """;
        const string wide = "sample_id;Ca (mg%);Mg (mg%)\nEU-1;73,5;6,25\n";

        var result = Read(csv, "eu.csv");
        var wideResult = Read(wide, "eu-wide.csv");

        result.Diagnostics.Should().BeEmpty();
        var panel = Single(result);
        panel.Find("Ca")!.Amount.Value.Should().Be(73.5m);
        panel.Find("Ca")!.LabRange.Should().Be(new ReferenceRange(35m, 65m, ConcentrationUnit.MilligramPercent));
        panel.Find("Hg")!.Amount.Value.Should().Be(0.002m);
        panel.Find("Hg")!.Qualifier.Should().Be(MeasurementQualifier.BelowDetectionLimit);
        wideResult.Diagnostics.Should().BeEmpty();
        Single(wideResult).Find("Mg")!.Amount.Value.Should().Be(6.25m);
    }

    [Test]
    public void An_unknown_element_is_kept_unrecognised_with_a_warning()
    {
        var result = Read("# sample_id: S\nelement,value,unit\nCa,73,mg%\nUnobtainium,4,mg%\n", "u.csv");

        var panel = Single(result);
        panel.Measurements.Should().HaveCount(2);
        var unknown = panel.Unrecognised.Single();
        unknown.ReportedName.Should().Be("Unobtainium");
        unknown.Element.Should().BeNull();
        unknown.Amount.Should().Be(new Concentration(4m, ConcentrationUnit.MilligramPercent));
        var warning = SingleWithCode(result, DiagnosticCodes.UnknownElement);
        warning.Severity.Should().Be(DiagnosticSeverity.Warning);
        warning.Location.Should().Be(new SourceLocation("u.csv", 4, 1, "element"));
        warning.Message.Should().Contain("'Unobtainium'").And.Contain("kept");
        result.Success.Should().BeTrue();
    }

    [Test]
    public void An_unknown_element_in_a_wide_header_is_kept_when_it_names_its_unit()
    {
        var result = Read("sample_id,Ca (mg%),Xq (mg%)\nS,73,5\n", "w.csv");

        Single(result).Unrecognised.Single().Amount.Value.Should().Be(5m);
        SingleWithCode(result, DiagnosticCodes.UnknownElement).Location.Should().Be(new SourceLocation("w.csv", 2, 6, "Xq (mg%)"));
    }

    [Test]
    public void The_same_element_twice_keeps_the_first_and_reports_the_second_with_both_lines()
    {
        var result = Read("# sample_id: S\nelement,value,unit\nCa,73,mg%\nMg,6,mg%\nCa,80,mg%\n", "dup.csv");

        var panel = Single(result);
        panel.Measurements.Should().HaveCount(2);
        panel.Find("Ca")!.Amount.Value.Should().Be(73m);
        var error = SingleWithCode(result, DiagnosticCodes.DuplicateElement);
        error.Severity.Should().Be(DiagnosticSeverity.Error);
        error.Location.Should().Be(new SourceLocation("dup.csv", 5, 1, "element"));
        error.Message.Should().Contain("line 3").And.Contain("line 5").And.Contain("80 mg%");
    }

    [Test]
    public void The_same_element_twice_with_the_same_amount_is_only_a_warning()
    {
        var result = Read("sample_id: S\nmeasurements:\n  - { element: Ca, value: 73, unit: mg% }\n  - { element: CA, value: 730, unit: ug/g }\n", "dup.yaml");

        var warning = SingleWithCode(result, DiagnosticCodes.DuplicateElement);
        warning.Severity.Should().Be(DiagnosticSeverity.Warning);
        warning.Location.Should().Be(new SourceLocation("dup.yaml", 4, 16, "measurements[1].element"));
        warning.Message.Should().Contain("line 3").And.Contain("line 4");
        Single(result).Measurements.Should().ContainSingle();
    }

    [Test]
    public void A_negative_value_is_kept_and_reported_as_an_error()
    {
        var result = Read("# sample_id: S\nelement,value,unit\nCa,-73,mg%\n", "neg.csv");

        Single(result).Find("Ca")!.Amount.Value.Should().Be(-73m);
        var error = SingleWithCode(result, DiagnosticCodes.NegativeValue);
        error.Severity.Should().Be(DiagnosticSeverity.Error);
        error.Location.Should().Be(new SourceLocation("neg.csv", 3, 4, "value"));
        error.Message.Should().Contain("Ca").And.Contain("negative");
    }

    [TestCase("NaN")]
    [TestCase("Infinity")]
    [TestCase("-inf")]
    public void A_NaN_or_infinite_value_gives_HTMA0203(string value)
    {
        var result = Read($"# sample_id: S\nelement,value,unit\nCa,73,mg%\nMg,{value},mg%\n", "nan.csv");

        var error = SingleWithCode(result, DiagnosticCodes.NotAFiniteNumber);
        error.Location.Should().Be(new SourceLocation("nan.csv", 4, 4, "value"));
        error.Message.Should().Contain("Mg").And.Contain("NaN or infinite");
        Single(result).Find("Ca")!.Amount.Value.Should().Be(73m);
        Single(result).Find("Mg").Should().BeNull("NaN cannot be held as a concentration");
    }

    [Test]
    public void A_yaml_nan_is_not_a_finite_number_either()
    {
        var result = Read("sample_id: S\nunit: mg%\nmeasurements:\n  - element: Ca\n    value: .nan\n", "nan.yaml");

        SingleWithCode(result, DiagnosticCodes.NotAFiniteNumber).Location
            .Should().Be(new SourceLocation("nan.yaml", 5, 12, "measurements[0].value"));
    }

    [Test]
    public void A_non_numeric_value_gives_HTMA0204_and_the_other_values_are_kept()
    {
        var result = Read("""{"sample_id":"S","unit":"mg%","measurements":[{"element":"Ca","value":"high"},{"element":"Mg","value":6}]}""", "text.json");

        var error = SingleWithCode(result, DiagnosticCodes.NonNumericValue);
        error.Location.Should().Be(new SourceLocation("text.json", 1, 71, "measurements[0].value"));
        error.Message.Should().Contain("Ca").And.Contain("not a number").And.NotContain("high");
        Single(result).Find("Mg")!.Amount.Value.Should().Be(6m);
    }

    [Test]
    public void A_missing_unit_is_an_error_and_the_value_is_kept_as_mg_percent()
    {
        var result = Read("sample_id: S\nmeasurements:\n  - { element: Ca, value: 73 }\n  - { element: Mg, value: 6 }\n", "nounit.yaml");

        var error = SingleWithCode(result, DiagnosticCodes.MissingUnit);
        error.Severity.Should().Be(DiagnosticSeverity.Error);
        error.Location.Should().Be(new SourceLocation("nounit.yaml", 3, 5, "measurements[0].unit"));
        error.Message.Should().Contain("No unit").And.Contain("kept as mg%");
        Single(result).Measurements.Select(m => m.Amount).Should().Equal(
            new Concentration(73m, ConcentrationUnit.MilligramPercent), new Concentration(6m, ConcentrationUnit.MilligramPercent));
    }

    [Test]
    public void An_empty_unit_cell_in_a_long_csv_is_a_missing_unit()
    {
        var result = Read("# sample_id: S\nelement,value,unit\nCa,73,\n", "nounit.csv");

        SingleWithCode(result, DiagnosticCodes.MissingUnit).Location.Should().Be(new SourceLocation("nounit.csv", 3, 7, "unit"));
        Single(result).Find("Ca")!.Amount.Value.Should().Be(73m);
    }

    [Test]
    public void An_unknown_unit_is_an_error_naming_the_unit_and_the_value_is_kept()
    {
        var result = Read("# sample_id: S\nelement,value,unit\nCa,73,mmol/L\n", "badunit.csv");

        var error = SingleWithCode(result, DiagnosticCodes.UnknownUnit);
        error.Location.Should().Be(new SourceLocation("badunit.csv", 3, 7, "unit"));
        error.Message.Should().Contain("'mmol/L'").And.Contain("Ca");
        Single(result).Find("Ca")!.Amount.Value.Should().Be(73m);
    }

    [TestCase("<0.002", MeasurementQualifier.BelowDetectionLimit, "0.002")]
    [TestCase("< 0.002", MeasurementQualifier.BelowDetectionLimit, "0.002")]
    [TestCase("ND", MeasurementQualifier.NotDetected, "0")]
    [TestCase("nd", MeasurementQualifier.NotDetected, "0")]
    [TestCase(">500", MeasurementQualifier.AboveQuantitationLimit, "500")]
    public void Detection_limit_values_are_kept_with_their_qualifier(string printed, MeasurementQualifier qualifier, string amount)
    {
        var result = Read($"# sample_id: S\nelement,value,unit\nHg,\"{printed}\",mg%\n", "dl.csv");

        result.Diagnostics.Should().BeEmpty();
        var mercury = Single(result).Find("Hg")!;
        mercury.Qualifier.Should().Be(qualifier);
        mercury.Amount.Value.Should().Be(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture));
        mercury.IsQuantified.Should().BeFalse();
    }

    [Test]
    public void A_value_absurd_for_hair_is_kept_with_a_warning()
    {
        var result = Read("# sample_id: S\nelement,value,unit\nCa,12000,mg%\nMg,200000,ppm\nZn,99999,ppm\n", "absurd.csv");

        var warnings = result.Diagnostics.Where(d => d.Code == DiagnosticCodes.AbsurdValue).ToList();
        warnings.Should().HaveCount(2, "12,000 mg% and 200,000 ppm (20,000 mg%) are absurd, 99,999 ppm (9,999.9 mg%) is not");
        warnings[0].Severity.Should().Be(DiagnosticSeverity.Warning);
        warnings[0].Location.Should().Be(new SourceLocation("absurd.csv", 3, 4, "value"));
        warnings[0].Message.Should().Contain("Ca = 12000 mg%").And.Contain("10,000 mg%");
        warnings[1].Location.Line.Should().Be(4);
        Single(result).Find("Ca")!.Amount.Value.Should().Be(12000m);
        result.Success.Should().BeTrue();
    }

    [Test]
    public void Ragged_rows_are_reported_with_their_line_and_the_fields_present_are_kept()
    {
        var result = Read("# sample_id: S\nelement,value,unit\nCa,73,mg%,extra\nMg,6\nZn,18,mg%\n", "ragged.csv");

        var errors = result.Diagnostics.Where(d => d.Code == DiagnosticCodes.RaggedRow).ToList();
        errors.Should().HaveCount(2);
        errors[0].Location.Should().Be(new SourceLocation("ragged.csv", 3, 11));
        errors[0].Message.Should().Contain("4 fields but the header has 3");
        errors[1].Location.Line.Should().Be(4);
        errors[1].Message.Should().Contain("2 fields but the header has 3");
        var panel = Single(result);
        panel.Find("Ca")!.Amount.Value.Should().Be(73m);
        panel.Find("Mg")!.Amount.Value.Should().Be(6m);
        panel.Find("Zn")!.Amount.Value.Should().Be(18m);
    }

    [Test]
    public void Quoted_fields_with_line_breaks_are_read_and_later_lines_keep_their_numbers()
    {
        const string csv = "# sample_id: S\n# lab: ARL\nelement,value,unit,flag\nCa,73,mg%,\"high,\nsee note\"\nQq,5,mg%,\nMg,6,mg%,\n";

        var result = Read(csv, "quoted.csv");

        var panel = Single(result);
        panel.Find("Ca")!.LabFlag.Should().Be("high,\nsee note");
        panel.Find("Mg")!.Source.Should().Be(new SourceLocation("quoted.csv", 7, 1, "element"));
        SingleWithCode(result, DiagnosticCodes.UnknownElement).Location.Should().Be(new SourceLocation("quoted.csv", 6, 1, "element"));
    }

    [Test]
    public void An_unclosed_quote_is_reported_with_its_line()
    {
        var result = Read("# sample_id: S\nelement,value,unit\nCa,73,mg%\nMg,\"6,mg%\nZn,18,mg%\n", "unclosed.csv");

        var error = result.Diagnostics.First(d => d.Code == DiagnosticCodes.MalformedQuoting);
        error.Location.Should().Be(new SourceLocation("unclosed.csv", 4));
        error.Message.Should().Contain("never closed");
        Single(result).Find("Ca")!.Amount.Value.Should().Be(73m);
    }

    [Test]
    public void A_missing_required_column_names_the_column()
    {
        var result = Read("# sample_id: S\nelement,unit\nCa,mg%\n", "nocol.csv");

        var error = SingleWithCode(result, DiagnosticCodes.MissingRequiredColumn);
        error.Location.Should().Be(new SourceLocation("nocol.csv", 2, 1, "value"));
        error.Message.Should().Contain("'value'");
        Single(result).Measurements.Should().BeEmpty();
    }

    [Test]
    public void A_header_of_neither_layout_is_a_missing_required_column()
    {
        var result = Read("name,amount\nCa,73\n", "neither.csv");

        var error = SingleWithCode(result, DiagnosticCodes.MissingRequiredColumn);
        error.Location.Should().Be(new SourceLocation("neither.csv", 1, 1));
        error.Message.Should().Contain("sample_id").And.Contain("element");
    }

    [Test]
    public void A_wide_row_without_sample_id_is_an_error_and_its_values_are_kept()
    {
        var result = Read("sample_id,Ca (mg%)\nA,73\n,40\n", "w.csv");

        var error = SingleWithCode(result, DiagnosticCodes.MissingRequiredField);
        error.Location.Should().Be(new SourceLocation("w.csv", 3, 1, "sample_id"));
        result.Value![1].SampleId.Should().Be("line 3");
        result.Value[1].Find("Ca")!.Amount.Value.Should().Be(40m);
    }

    [Test]
    public void Yaml_anchors_and_aliases_are_rejected()
    {
        const string yaml = """
            sample_id: S
            unit: &u mg%
            measurements:
              - { element: Ca, value: 73, unit: *u }
            """;

        var result = Read(yaml, "alias.yaml");

        var errors = result.Diagnostics.Where(d => d.Code == DiagnosticCodes.YamlAnchorOrAlias).ToList();
        errors.Should().HaveCount(2);
        errors[0].Location.Should().Be(new SourceLocation("alias.yaml", 2, 7));
        errors[0].Message.Should().Contain("anchors");
        errors[1].Location.Should().Be(new SourceLocation("alias.yaml", 4, 37));
        errors[1].Message.Should().Contain("aliases");
        result.Success.Should().BeFalse();
        Single(result).Find("Ca")!.Amount.Value.Should().Be(73m);
    }

    [Test]
    public void Yaml_nested_too_deep_is_rejected()
    {
        var yaml = "sample_id: S\nunit: mg%\nmeasurements:\n  - element: Ca\n    value: 73\n    flag: " +
                   "[[[[[[[[1]]]]]]]]\n";

        var result = Read(yaml, "deep.yaml");

        var error = SingleWithCode(result, DiagnosticCodes.NestingTooDeep);
        error.Location.Should().Be(new SourceLocation("deep.yaml", 6, 16));
        error.Message.Should().Contain("more than 8 levels");
        Single(result).Find("Ca")!.Amount.Value.Should().Be(73m);
    }

    [Test]
    public void Json_nested_too_deep_is_rejected()
    {
        var json = "{\"sample_id\":\"S\",\"x\":" + new string('[', 12) + new string(']', 12) + "}";

        var result = Read(json, "deep.json");

        SingleWithCode(result, DiagnosticCodes.NestingTooDeep).Location.Should().Be(new SourceLocation("deep.json", 1, 29));
    }

    [Test]
    public void Yaml_and_json_syntax_errors_are_located()
    {
        var yaml = Read("sample_id: S\nmeasurements:\n  - element: Ca\n   value: 73\n", "bad.yaml");
        var json = Read("{\n  \"sample_id\": \"S\",\n  \"unit\" \"mg%\"\n}", "bad.json");

        var yamlError = SingleWithCode(yaml, DiagnosticCodes.SyntaxError);
        yamlError.Location.Line.Should().Be(4);
        yamlError.Location.Column.Should().NotBeNull();
        yamlError.Message.Should().Contain("YAML is not well formed");
        SingleWithCode(json, DiagnosticCodes.SyntaxError).Location.Should().Be(new SourceLocation("bad.json", 3, 10));
    }

    [Test]
    public void Bad_metadata_values_are_kept_as_text_with_a_warning()
    {
        var result = Read("# sample_id: S\n# collected: 14/03/2026\n# sex: other\nelement,value,unit\nCa,73,mg%\n", "meta.csv");

        var warnings = result.Diagnostics.Where(d => d.Code == DiagnosticCodes.InvalidMetadataValue).ToList();
        warnings.Should().HaveCount(2);
        warnings[0].Location.Should().Be(new SourceLocation("meta.csv", 2, 14, "collected"));
        warnings[0].Message.Should().Contain("yyyy-MM-dd");
        Single(result).CollectedOn.Should().BeNull();
        Single(result).ExtraFields.Should().Contain(new KeyValuePair<string, string>("collected", "14/03/2026"));
    }
}
