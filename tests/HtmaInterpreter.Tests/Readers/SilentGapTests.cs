using System.Text;
using HtmaInterpreter.Definitions;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Readers;
using HtmaInterpreter.Rules;
using static HtmaInterpreter.Tests.Readers.ReaderTestSupport;

namespace HtmaInterpreter.Tests.Readers;

/// <summary>Input problems the bad-input corpus found taken without a word (issue 13): each now gives a located warning.</summary>
public class SilentGapTests
{
    [TestCase("r.csv", "# sample_id: S-1\nelement,value,unit,reference_low,reference_high\nCa,118,mg%,90,10\n", 3, 12, "reference_low")]
    [TestCase("r.yaml", "sample_id: S-1\nunit: mg%\nmeasurements:\n  - { element: Ca, value: 118, reference_low: 90, reference_high: 10 }\n", 4, 47, "measurements[0].reference_low")]
    [TestCase("r.json", "{\"sample_id\": \"S-1\", \"unit\": \"mg%\",\n \"measurements\": [{\"element\": \"Ca\", \"value\": 118, \"reference_low\": 90, \"reference_high\": 10}]}", 2, 68, "measurements[0].reference_low")]
    public void A_reversed_reference_range_is_left_out_with_HTMA0210_and_the_value_kept(string fileName, string text, int line, int column, string field)
    {
        var result = Read(text, fileName);

        var warning = SingleWithCode(result, DiagnosticCodes.InvalidReferenceRange);
        warning.Severity.Should().Be(DiagnosticSeverity.Warning);
        warning.Location.Should().Be(new SourceLocation(fileName, line, column, field));
        warning.Message.Should().Contain("Ca").And.Contain("'90' is above its high bound '10'").And.Contain("left out");
        result.Diagnostics.Should().ContainSingle();
        var calcium = Single(result).Find("Ca")!;
        calcium.Amount.Value.Should().Be(118m);
        calcium.LabRange.Should().BeNull();
    }

    [TestCase("90", "90")]
    [TestCase("10", "90")]
    [TestCase("", "90")]
    [TestCase("90", "")]
    public void A_range_with_equal_ordered_or_open_bounds_is_kept_without_a_diagnostic(string low, string high)
    {
        var result = Read($"# sample_id: S-1\nelement,value,unit,reference_low,reference_high\nCa,118,mg%,{low},{high}\n", "r.csv");

        result.Diagnostics.Should().BeEmpty();
        Single(result).Find("Ca")!.LabRange.Should().NotBeNull();
    }

    [TestCase("# sample_id: S-1\nelement,value,unit\n")]
    [TestCase("# sample_id: S-1\nelement,value,unit\n,,\n\n")]
    public void A_long_csv_with_a_header_and_no_rows_gives_HTMA0104_at_the_header(string text)
    {
        var result = Read(text, "h.csv");

        var warning = SingleWithCode(result, DiagnosticCodes.MissingRequiredField);
        warning.Severity.Should().Be(DiagnosticSeverity.Warning);
        warning.Location.Should().Be(new SourceLocation("h.csv", 2, 1));
        warning.Message.Should().Contain("header but no rows").And.Contain("no values");
        result.Diagnostics.Should().ContainSingle();
        Single(result).SampleId.Should().Be("S-1");
        Single(result).Measurements.Should().BeEmpty();
    }

    [Test]
    public void A_long_csv_whose_only_row_is_reported_does_not_say_it_has_no_rows()
    {
        var result = Read("# sample_id: S-1\nelement,value,unit\nCa,\"118,mg%\n", "h.csv");

        result.Diagnostics.Should().NotContain(d => d.Code == DiagnosticCodes.MissingRequiredField);
        result.Diagnostics.Should().Contain(d => d.Code == DiagnosticCodes.MalformedQuoting);
    }

    [Test]
    public void A_long_csv_column_given_twice_is_reported_once_at_the_header_and_each_differing_row()
    {
        var result = Read("# sample_id: S-1\nelement,value,unit,Value\nCa,118,mg%,119\nMg,12,mg%,12\nNa,18,mg%,\n", "d.csv");

        var warnings = result.Diagnostics.Where(d => d.Code == DiagnosticCodes.DuplicateField).ToList();
        result.Diagnostics.Should().HaveCount(3);
        warnings.Should().HaveCount(3).And.OnlyContain(d => d.Severity == DiagnosticSeverity.Warning);
        warnings[0].Location.Should().Be(new SourceLocation("d.csv", 2, 20, "Value"));
        warnings[0].Message.Should().Contain("'Value' appears twice").And.Contain("column 2 is the one used");
        warnings[1].Location.Should().Be(new SourceLocation("d.csv", 3, 12, "value"));
        warnings[1].Message.Should().Contain("'118' in column 2, which is used, and '119' in column 4, which is not");
        warnings[2].Location.Should().Be(new SourceLocation("d.csv", 5, 11, "value"));
        warnings[2].Message.Should().Contain("'18' in column 2").And.Contain("'' in column 4");
        Single(result).Find("Ca")!.Amount.Value.Should().Be(118m);
    }

    [Test]
    public void A_wide_csv_field_or_element_column_given_twice_is_reported_once_and_its_text_kept()
    {
        var csv = "sample_id,lab,Ca (mg%),Calcium (ppm),LAB,notes,notes\nA-1,ARL,40,400,TEI,x,y\nA-2,ARL,41,410,,,\n";

        var result = Read(csv, "w.csv");

        var warnings = result.Diagnostics.Where(d => d.Code == DiagnosticCodes.DuplicateField).ToList();
        warnings.Should().HaveCount(3, "one per repeated column, none per row");
        warnings.Should().OnlyContain(d => d.Severity == DiagnosticSeverity.Warning && d.Location.Line == 1);
        warnings[0].Location.Should().Be(new SourceLocation("w.csv", 1, 24, "Calcium (ppm)"));
        warnings[0].Message.Should().Contain("the element 'Ca' again; column 3 ('Ca (mg%)') is the one used")
            .And.Contain("kept with each panel as 'Calcium (ppm) (column 4)'");
        warnings[1].Location.Should().Be(new SourceLocation("w.csv", 1, 38, "LAB"));
        warnings[1].Message.Should().Contain("the field 'lab' again; column 2 ('lab')");
        warnings[2].Location.Should().Be(new SourceLocation("w.csv", 1, 48, "notes"));
        result.Diagnostics.Should().NotContain(d => d.Code == DiagnosticCodes.DuplicateElement);
        result.Diagnostics.Where(d => d.Location.Line != 1).Should().BeEmpty();

        var first = result.Value![0];
        first.Lab.Should().Be("ARL");
        first.Find("Ca")!.Amount.Value.Should().Be(40m);
        first.ExtraFields.Should().Equal(
            new KeyValuePair<string, string>("Calcium (ppm) (column 4)", "400"),
            new KeyValuePair<string, string>("LAB (column 5)", "TEI"),
            new KeyValuePair<string, string>("notes", "x"),
            new KeyValuePair<string, string>("notes (column 7)", "y"));
    }

    [TestCase("long.csv", "# sample_id: S-1\nelement,value,unit\nCa,118,mg%\nMg,12,mg%\nNa,\"x", "\",mg%\n", 5, 4, "value")]
    [TestCase("meta.csv", "# sample_id: S-1\n# lab: Doctor", "s Data\nelement,value,unit\nCa,118,mg%\n", 2, 14, null)]
    [TestCase("wide.csv", "sample_id,lab,Ca (mg%)\nA-1,ARL,40\nA-2,M", "nchen,41\n", 3, 5, "lab")]
    [TestCase("header.csv", "sample_id,lab,Ca (mg%),Not", "es\nA-1,ARL,40\n", 1, 27, null)]
    [TestCase("p.yaml", "sample_id: S-1\nlab: M", "nchen\nunit: mg%\nmeasurements:\n  - { element: Ca, value: 40 }\n", 2, 7, null)]
    [TestCase("p.json", "{\"sample_id\": \"S-1\",\r\n \"lab\": \"M", "nchen\", \"unit\": \"mg%\", \"measurements\": [{\"element\": \"Ca\", \"value\": 40}]}", 2, 11, null)]
    public void Bytes_that_are_not_utf8_give_one_HTMA0122_counting_them_at_the_first(string fileName, string before, string after, int line, int column, string? field)
    {
        foreach (var (invalid, count) in new[] { (new byte[] { 0xFC }, 1), (new byte[] { 0xE2, 0x82, 0xFF, 0xFF }, 4) })
        {
            foreach (var bom in new[] { false, true })
            {
                byte[] bytes = [.. bom ? Encoding.UTF8.GetPreamble() : [], .. Encoding.UTF8.GetBytes(before), .. invalid, .. Encoding.UTF8.GetBytes(after)];
                using var stream = new MemoryStream(bytes);
                var result = Reader.Read(stream, fileName);

                var warning = SingleWithCode(result, DiagnosticCodes.InvalidText);
                var because = $"{fileName}, {invalid.Length} bytes, byte order mark: {bom}";
                warning.Severity.Should().Be(DiagnosticSeverity.Warning, because);
                warning.Location.Should().Be(new SourceLocation(fileName, line, column, field), because);
                warning.Message.Should().StartWith(count == 1 ? "1 byte of the file is not valid UTF-8 (the first is here)" : $"{count} bytes of the file are not valid UTF-8", because)
                    .And.Contain("save the file as UTF-8");
                result.Value.Should().NotBeEmpty(because);
            }
        }
    }

    [TestCase("p.csv", "# sample_id: S-\uFFFD\nelement,value,unit\nCa,118,mg%\n")]
    [TestCase("w.csv", "sample_id,lab,Ca (mg%)\nA-1,\uFFFD,40\n")]
    [TestCase("p.yaml", "sample_id: S-\uFFFD\nunit: mg%\nmeasurements:\n  - { element: Ca, value: 40 }\n")]
    [TestCase("p.json", "{\"sample_id\": \"S-\uFFFD\", \"unit\": \"mg%\", \"measurements\": [{\"element\": \"Ca\", \"value\": 40}]}")]
    public void A_replacement_character_written_as_valid_utf8_is_no_invalid_text(string fileName, string text)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));

        Reader.Read(stream, fileName).Diagnostics.Should().NotContain(d => d.Code == DiagnosticCodes.InvalidText);
    }

    [Test]
    public void A_real_replacement_character_before_the_invalid_bytes_is_where_the_warning_points()
    {
        // The documented limit of the location: the first U+FFFD of the text, not the first invalid byte.
        byte[] bytes = [.. Encoding.UTF8.GetBytes("sample_id,lab,Ca (mg%)\nA-1,\uFFFD,40\nA-2,M"), 0xFC, .. "nchen,41\n"u8];
        using var stream = new MemoryStream(bytes);

        var warning = SingleWithCode(Reader.Read(stream, "w.csv"), DiagnosticCodes.InvalidText);

        warning.Location.Should().Be(new SourceLocation("w.csv", 2, 5, "lab"));
        warning.Message.Should().StartWith("1 byte");
    }

    [Test]
    public void A_wide_csv_read_row_by_row_reports_invalid_text_in_a_last_item_of_its_own()
    {
        byte[] bytes = [.. "sample_id,lab,Ca (mg%)\nA-1,ARL,40\nA-2,M"u8, 0xFC, .. "nchen,41\nA-3,ARL,42\n"u8];
        using var stream = new MemoryStream(bytes);

        var items = Reader.ReadWideCsvStream(stream, "w.csv").ToList();

        items.Should().HaveCount(4);
        items.Take(3).Should().OnlyContain(item => item.Panel != null && item.Diagnostics.Count == 0);
        items[1].Panel!.Lab.Should().Be("M\uFFFDnchen");
        items[3].Panel.Should().BeNull();
        items[3].Diagnostics.Should().ContainSingle().Which.Location.Should().Be(new SourceLocation("w.csv", 3, 5, "lab"));
        items[3].Diagnostics[0].Code.Should().Be(DiagnosticCodes.InvalidText);
    }

    [Test]
    public void Context_rule_and_definitions_files_with_bytes_not_utf8_give_HTMA0122_and_are_still_used()
    {
        var folder = Directory.CreateTempSubdirectory("htma-invalid-text-");
        try
        {
            // A Windows-1252 apostrophe (0x92) in a comment or a free text.
            var context = Path.Combine(folder.FullName, "context.yaml");
            File.WriteAllBytes(context, [.. "# the client"u8, 0x92, .. "s notes\nsymptoms: [leg cramps]\n"u8]);
            var rules = folder.CreateSubdirectory("rules");
            var ruleText = File.ReadAllText(Path.Combine(TestPaths.Ratios, "rules", "potassium.yaml"));
            File.WriteAllBytes(Path.Combine(rules.FullName, "potassium.yaml"), [.. "# Wilson"u8, 0x92, 0x92, .. Encoding.UTF8.GetBytes("\n" + ruleText)]);
            var definitions = folder.CreateSubdirectory("ratios");
            foreach (var file in Directory.EnumerateFiles(TestPaths.Ratios, "*.yaml", SearchOption.AllDirectories))
            {
                var target = Path.Combine(definitions.FullName, Path.GetRelativePath(TestPaths.Ratios, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }

            var lab = Path.Combine(definitions.FullName, "labs", "arl.yaml");
            File.WriteAllBytes(lab, [.. "\n\n# Doctor"u8, 0x92, .. Encoding.UTF8.GetBytes("s Data\n" + File.ReadAllText(lab))]);

            var contextResult = ClientContextReader.ReadFile(context);
            var ruleResult = RuleSet.LoadFromDirectory(rules.FullName);
            var definitionsResult = HtmaDefinitions.LoadFromDirectory(definitions.FullName);

            foreach (var (diagnostics, file, line, column, count, used) in new[]
                     {
                         (contextResult.Diagnostics, context, 1, 13, 1, contextResult.Value is not null),
                         (ruleResult.Diagnostics, Path.Combine(rules.FullName, "potassium.yaml"), 1, 9, 2, ruleResult.Value is not null),
                         (definitionsResult.Diagnostics, lab, 3, 9, 1, definitionsResult.Value is not null),
                     })
            {
                var warning = diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.InvalidText, file).Which;
                warning.Severity.Should().Be(DiagnosticSeverity.Warning);
                warning.Location.Should().Be(new SourceLocation(file, line, column));
                warning.Message.Should().StartWith($"{count} byte");
                diagnostics.Should().NotContain(d => d.Severity == DiagnosticSeverity.Error, file);
                used.Should().BeTrue(file);
            }

            contextResult.Value!.Symptoms.Should().Contain("leg_cramps");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
