using System.Globalization;
using System.Text;
using HtmaInterpreter.Batch;
using HtmaInterpreter.Batch.FastPath;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Oxidation;
using HtmaInterpreter.Readers;

namespace HtmaInterpreter.Tests.Batch;

/// <summary>
/// <see cref="BatchInterpreter.RunWideCsv"/> reads plain rows on the workers without building panels; whatever a file
/// holds, its results must be exactly those of <see cref="BatchInterpreter.Run"/> over <see cref="PanelReader.ReadWideCsvStream(Stream, string)"/>.
/// </summary>
[TestFixture(true)]
[TestFixture(false)]
public sealed class WideCsvBatchTests(bool useFastPath)
{
    internal const string Header =
        "sample_id,subject_id,lab,sex,age,collected,treatment,Ca (mg%),Mg (mg%),Na (mg%),K (mg%),Cu (mg%),Zn (mg%),P (mg%),Fe (mg%),Pb (mg%),Cd (mg%),Hg (mg%),Al (mg%)";

    private static readonly PanelReader Reader = new();

    [TestCaseSource(nameof(SampleFiles))]
    public void Every_csv_sample_gives_the_same_results_both_ways(string path)
    {
        AssertSameResults(File.ReadAllBytes(path), Path.GetFileName(path));
    }

    [Test]
    public void A_file_full_of_edge_cases_gives_the_same_results_both_ways()
    {
        var csv = EdgeCases(4000, seed: 20261126);
        var results = AssertSameResults(Encoding.UTF8.GetBytes(csv), "edge-cases.csv");

        // The file exercises both paths: rows the fast reader takes and rows it leaves to the general reader.
        results.Should().Contain(r => r.HasErrors);
        results.Should().Contain(r => r.IsInterpreted && r.ReadDiagnostics.Count == 0);
        results.Should().Contain(r => r.IsInterpreted && r.ReadDiagnostics.Count > 0);
        results.Where(r => r.IsInterpreted).Select(r => r.DiagnosticsCount).Distinct().Should().HaveCountGreaterThan(3);
        results.Select(r => r.Oxidation).Distinct().Should().Contain([OxidationType.Slow, OxidationType.Fast, OxidationType.Mixed, OxidationType.Indeterminate]);
    }

    [TestCase("sample_id;lab;Ca (mg%);Mg (mg%);Na (mg%);K (mg%)\nE-1;ARL;70,4;13,6;6,63;4,45\nE-2;TEI;40;10;41.7;10\n", TestName = "Semicolons with decimal commas")]
    [TestCase("sample_id\tlab\tCa (mg%)\tMg (mg%)\tNa (mg%)\tK (mg%)\nT-1\tARL\t40\t10\t41.7\t10\nT-2\t\t\t\t\t\n", TestName = "Tabs and a blank row")]
    [TestCase("sample_id,lab,Ca (ppm),Mg (ppm),Na (ppm),K (ppm)\nP-1,ARL,704,136,66.3,44.5\nP-2,ARL,120000,136,66.3,44.5\n", TestName = "Values in ppm, one absurd")]
    [TestCase("sample_id,lab,unit,Ca,Mg,Na,K\nU-1,ARL,mg%,40,10,41.7,10\nU-2,ARL,,40,10,41.7,10\n", TestName = "A unit column")]
    [TestCase("sample_id,lab,Ca (mg%),Ca (mg%),Na (mg%),K (mg%)\nD-1,ARL,40,41,41.7,10\n", TestName = "An element given twice")]
    [TestCase("sample_id,lab,lab,Ca (mg%),Na (mg%),K (mg%)\nD-1,ARL,TEI,40,41.7,10\n", TestName = "A field given twice")]
    [TestCase("sample_id,lab,Ca (mg%),Calcium (ppm),notes,Notes,Mg (mg%),Na (mg%),K (mg%),sample_id\nD-1,ARL,40,400,x,y,10,41.7,10,D-9\nD-2,ARL,41,abc,,,10,41.7,10,\n", TestName = "An element in two units, an unknown column and the sample id given twice")]
    [TestCase("sample_id,lab,Xx (mg%),Foo,Ca (mg%),Mg (mg%),Na (mg%),K (mg%)\nX-1,Doctor’s Data,1,bar,40,10,41.7,10\n\"X-2\",ARL,1,\"a,b\",40,10,41.7,10\n", TestName = "Unknown columns, curly quote, quoted fields")]
    [TestCase("\uFEFF# lab: ARL\nsample_id,Ca (mg%),Mg (mg%),Na (mg%),K (mg%)\n# a comment\nM-1,40,10,41.7,10\n", TestName = "Byte order mark, metadata and a comment")]
    [TestCase("sample_id,Ca (mg%),K (ng/g)\nO-1,40,10\nO-2,99999999999999999999,0.0000000001\nO-3,40,10\n", TestName = "A ratio beyond the decimal range")]
    [TestCase("sample_id,Ca (mg%)\n", TestName = "No rows")]
    [TestCase("element,value,unit\nCa,40,mg%\n", TestName = "Not a wide CSV")]
    [TestCase("", TestName = "Empty")]
    [TestCase("sample_id,Ca (mg%),Mg (mg%)\nQ-1,\"40,10\nQ-2,40,10\n", TestName = "An unclosed quote")]
    [TestCase("sample_id,lab,Ca (mg%),K (mg%)\r\nR-1,ARL,40,10\r\n\r\nR-2,ARL,41,9\r\n", TestName = "CRLF line breaks and an empty line")]
    [TestCase("sample_id,lab,Ca (mg%),K (mg%)\nS-1,ARL,40,10\n# a comment\n\nS-2,ARL,41,9\n   \n,,,\nS-3,ARL,42,8", TestName = "A comment, blank lines and no final line break")]
    [TestCase("sample_id,lab,Ca (mg%),K (mg%)\nM-1,ARL,40,10\n\"M-2\",\"AR\nL\",40,10\nM-3,ARL,41,9\nM-4,\"ARL\",42,8\n", TestName = "A quoted field across two lines in the middle")]
    [TestCase("sample_id,lab,Ca (mg%),K (mg%)\nT-1,ARL,40,10\nT-2,ARL,7\"5,10\nT-3,ARL,41,9\n", TestName = "A stray quote in the middle")]
    [TestCase("sample_id,lab,Ca (mg%),K (mg%)\nU-1,Doctor’s Data,40,10\nU-2,ARL,41,9\rU-3,ARL,42,8\n", TestName = "Non-ASCII text and a lone carriage return")]
    [TestCase("sample_id,lab,Ca (mg%),K (mg%)\nV-1,ARL,40,10\nV-2,ARL,41,9\rV-3,ARL,42,8\nV-4,ARL,7\"5,10\nV-5,ARL,43,7\n", TestName = "A lone carriage return before more rows")]
    [TestCase("\uFEFFsample_id,lab,Ca (mg%),K (mg%)\nB-1,ARL,40,10\n", TestName = "A byte order mark before the header")]
    [TestCase("sample_id,lab,Ca (mg%),K (mg%)\n", TestName = "A header and no rows")]
    [TestCase("sample_id,lab,Ca (mg%),K (mg%)\nQ-1,ARL,\"40,10\nQ-2,ARL,40,10\n", TestName = "A quote never closed after plain rows")]
    [TestCase("sample_id,lab,Ca (mg%),K (mg%)\nA-1,ARL,40,10\nA\"B,\"x,1\nA-3,ARL,41,9\nA-4,ARL,42,\"8\n", TestName = "A stray quote, then a quote never closed on the same line")]
    [TestCase("sample_id,lab,Ca (mg%),K (mg%)\nA-1,ARL,40,10\n\"A\"B,\"x,1\nA-3,ARL,41,9\n", TestName = "Text after a closing quote, then a quote never closed")]
    [TestCase("sample_id,lab,\"Ca (mg%),K (mg%)\nH-1,ARL,40,10\nH-2,ARL,41,9\n", TestName = "A header with a quote never closed")]
    [TestCase("sample_id,lab,Ca (mg%),K (mg%)\"\nH-1,ARL,40,10\nH-2,ARL,41,9\n", TestName = "A header with a stray quote")]
    [TestCase("sample_id,lab,Ca (mg%),K (mg%)\nA-1,ARL,40,10\n\uFEFFA-2,ARL,41,9\rA-3,ARL,42,8\n", TestName = "A byte order mark at the start of a later line")]
    [TestCase("sample_id,lab,Ca (mg%),K (mg%)\nA-1,ARL,40,10\n\uFEFFA-2,\"AR\nL\",41,9\nA-3,ARL,42,8\n", TestName = "A byte order mark before a quoted line break")]
    [TestCase("sample_id,lab,Ca (mg%),K (mg%),B (mg%),Co (mg%)\nN-1,ARL,40,10,0.231,12345\nN-2,ARL,40,10,abc,0.003\nN-3,ARL,40,10,<0.1,ND\nN-4,ARL,40,10,9999.9,1\nN-5,ARL,40,10,0.01,0\n", TestName = "Columns no rule or ratio reads, absurd and bad values among them")]
    [TestCase("sample_id,lab,Ca (mg%),Mg (mg%),Na (mg%),K (mg%)\nV-1,ARL,40,10,41.7,10\nV-2,ARL,40,1e-400,41.7,10\nV-3,ARL,40,10,5.1e-29,10\nV-4,ARL,1.23456789012345678901234567891,10,41.7,10\nV-5,ARL,40,1e30,41.7,10\nV-6,ARL,40,10,41.7,10\n", TestName = "Values a decimal cannot hold exactly, among plain rows")]
    [TestCase("sample_id,lab,Ca (ppb),Mg (ng/g),Na (ppm),K (mg%)\nV-1,ARL,400000,100000,417,10\nV-2,ARL,1.5e-24,100000,417,10\nV-3,ARL,0.000000000000000001,1e-400,417,10\nV-4,ARL,400000,100000,417,8000000000000000000000000000\nV-5,ARL,400000,100000,417,10\n", TestName = "Values that lose digits in mg% or cannot be converted to every unit")]
    [TestCase("sample_id,lab,Ca (mg%),K (mg%)\nD-1,ARL,40,10\nD-2,ARL,41,9\nD-1,ARL,42,8\n\"D-2\",ARL,43,7\n D-1 ,ARL, 44,6\n\"D-3\",ARL,45,5\nD-3,ARL,46,4\n,ARL,47,3\n,ARL,48,2\n", TestName = "Sample ids given twice, on plain rows and others")]
    public void Small_files_give_the_same_results_both_ways(string csv)
    {
        AssertSameResults(Encoding.UTF8.GetBytes(csv), "small.csv");
    }

    [Test]
    public void A_utf16_file_gives_the_same_results_both_ways()
    {
        var csv = "sample_id,lab,Ca (mg%),K (mg%)\nW-1,ARL,40,10\nW-2,ARL,41,9\n";
        AssertSameResults([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(csv)], "utf16.csv")
            .Should().Contain(r => r.IsInterpreted);
    }

    [Test]
    public void Lines_longer_than_the_read_buffer_and_files_of_many_buffers_give_the_same_results_both_ways()
    {
        var csv = new StringBuilder(Header).Append('\n');
        var plain = EdgeCases(3000, seed: 3).Split('\n').Skip(1).Where(line => line.Length > 0).ToArray();
        for (var i = 0; i < plain.Length; i++)
        {
            csv.Append(plain[i]).Append('\n');
            if (i == 1500)
            {
                csv.Append("L-1,P-1,ARL,female,40,2026-03-14,unwashed,40,10,41.7,10,1.5,16,14,1.1,0.01,0.002,0.03,0.4")
                    .Append(',', 70_000).Append('\n'); // 70,000 extra fields: longer than the 64 KB buffer
            }
        }

        AssertSameResults(Encoding.UTF8.GetBytes(csv.ToString()), "long.csv").Should().HaveCountGreaterThan(2900);
    }

    [Test]
    public void Lines_longer_than_the_scanner_keeps_and_carriage_returns_alone_are_read_as_csv()
    {
        var longLine = "X-1,P-1,ARL,female,40,2026-03-14,unwashed,40,10,41.7,10" + new string(',', 1_200_000);
        var plain = EdgeCases(200, seed: 9).Split('\n').Skip(1).Where(line => line.Length > 0).ToArray();
        var csv = Header + "\n" + string.Join('\n', plain[..100]) + "\n" + longLine + "\n" + string.Join('\n', plain[100..]) + "\n";
        AssertSameResults(Encoding.UTF8.GetBytes(csv), "very-long-line.csv").Should().HaveCountGreaterThan(190);

        var carriageReturns = Header + "\n" + string.Join('\r', plain) + "\r";
        AssertSameResults(Encoding.UTF8.GetBytes(carriageReturns), "carriage-returns.csv").Should().HaveCountGreaterThan(190);
    }

    [Test]
    public void Sample_ids_a_spreadsheet_would_run_are_neutralised_on_the_fast_path_as_on_the_general_one()
    {
        var csv = "sample_id;lab;Ca (mg%);Mg (mg%);Na (mg%);K (mg%)\n" +
                  "=cmd|'/c calc'!A1;ARL;40;10;41,7;10\n" +
                  "+1+cmd|x;ARL;40;10;41,7;10\n" +
                  "@SUM(1+1);ARL;40;10;41,7;10\n" +
                  "\"=HYPERLINK(\"\"http://x.test\"\",\"\"go\"\")\";ARL;40;10;41,7;10\n" +
                  "=1,2;ARL;40;10;41,7;10\n" +
                  "-1.5;ARL;40;10;41,7;10\n";
        var file = Encoding.UTF8.GetBytes(csv);
        AssertSameResults(file, "formulas.csv");

        using var input = new MemoryStream(file);
        using var output = new MemoryStream();
        using (var writer = new BatchResultWriter(output, BatchOutputFormat.Csv, leaveOpen: true) { UseFastPath = useFastPath })
        {
            new BatchInterpreter(Interpreter.Default, BatchTestData.Way(null, useFastPath)).WriteWideCsv(input, "formulas.csv", writer);
        }

        var ids = Encoding.UTF8.GetString(output.ToArray()).Split('\n').Skip(1).Where(l => l.Length > 0)
            .Select(l => l[(l.IndexOf(',', StringComparison.Ordinal) + 1)..l.IndexOf(",mixed", StringComparison.Ordinal)]);
        ids.Should().Equal(
            "'=cmd|'/c calc'!A1",
            "'+1+cmd|x",
            "'@SUM(1+1)",
            "\"'=HYPERLINK(\"\"http://x.test\"\",\"\"go\"\")\"",
            "\"'=1,2\"",
            "-1.5");
    }

    [TestCase(0, "\n")]
    [TestCase(1, "\n")]
    [TestCase(1, "\r\n")]
    public void A_record_at_the_limit_and_one_past_it_give_the_same_results_both_ways(int past, string lineBreak)
    {
        var csv = Readers.RecordLimitTests.QuoteAcrossLines(InputLimits.MaxRecordCharacters + past, lineBreak);

        var results = AssertSameResults(Encoding.UTF8.GetBytes(csv), "limit.csv");

        results.Where(r => r.IsRow).Select(r => (r.Line, r.SampleId))
            .Should().Equal(past == 0 ? [(2, "R-1"), (5, "R-4")] : [(3, "R-2"), (4, "R-3"), (5, "R-4")]);
        results.SelectMany(r => r.ReadDiagnostics).Count(d => d.Code == DiagnosticCodes.RecordTooLong).Should().Be(past);
    }

    [TestCase(0)]
    [TestCase(1)]
    public void Metadata_lines_at_the_limit_and_one_past_it_give_the_same_results_both_ways(int past)
    {
        var csv = new StringBuilder();
        for (var i = 0; i < InputLimits.MaxMetadataLines + past; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"# k{i}: v\n");
        }

        csv.Append("sample_id,Ca (mg%),K (mg%)\nM-1,40,10\n");

        var results = AssertSameResults(Encoding.UTF8.GetBytes(csv.ToString()), "meta.csv");

        var read = results.SelectMany(r => r.ReadDiagnostics).ToList();
        if (past == 0)
        {
            results.Where(r => r.IsRow).Select(r => r.SampleId).Should().Equal("M-1");
            read.Should().NotContain(d => d.Code == DiagnosticCodes.TooManyMetadataLines);
        }
        else
        {
            results.Should().NotContain(r => r.IsRow);
            read.Should().ContainSingle().Which.Location.Should().Be(new SourceLocation("meta.csv", InputLimits.MaxMetadataLines + 1, 1));
            read[0].Code.Should().Be(DiagnosticCodes.TooManyMetadataLines);
        }
    }

    [Test]
    public void A_quote_never_closed_in_the_first_row_loses_that_row_only_both_ways()
    {
        // After the quote: a comment line almost as long as the limit (a comment again once reading resumes), then
        // rows, which take the record past the limit.
        const int rows = 2000;
        var csv = BatchTestData.Generate(rows, new Dictionary<int, string>
        {
            [1] = "Q-1,\"ARL,female,40,50,8,25,10,1.5,16,14\n# " + new string('c', InputLimits.MaxRecordCharacters - 100),
        });

        var results = AssertSameResults(Encoding.UTF8.GetBytes(csv), "runaway.csv");

        results.Where(r => r.IsRow && !r.IsInterpreted).Should().BeEmpty();
        results.Where(r => r.IsInterpreted).Select(r => (r.Line, r.SampleId))
            .Should().Equal(Enumerable.Range(2, rows - 1).Select(row => ((int?)row + 2, (string?)BatchTestData.Id(row))));
        results.SelectMany(r => r.ReadDiagnostics).Should().ContainSingle()
            .Which.Should().Match<Diagnostic>(d => d.Code == DiagnosticCodes.RecordTooLong && d.Location == new SourceLocation("runaway.csv", 2, 5, "lab"));
    }

    [TestCase("sample_id,lab,Ca (mg%),K (mg%)\nI-1,ARL,40,10\nI-2,M\u00FCnchen,41,9\nI-3,ARL,42,8\n", 1, TestName = "Invalid UTF-8 on a line read alone")]
    [TestCase("sample_id,lab,Ca (mg%),K (mg%)\nI-1,ARL,40,10\nI-2,\"M\u00FCn\nchen\",41,9\nI-3,ARL,\u00FC42,8\n", 2, TestName = "Invalid UTF-8 in a quoted field across lines and after it")]
    [TestCase("sample_id,lab,Ca (mg%),K (mg%)\nI-1,ARL,40,10\rI-2,ARL,41,9\nI-3,M\u00FCnchen,42,8\n", 1, TestName = "Invalid UTF-8 after a lone carriage return")]
    [TestCase("sample_id,lab,Ca (mg%),K\u00FC (mg%)\nI-1,ARL,40,10\nI-2,ARL,41,9\n", 1, TestName = "Invalid UTF-8 in the header")]
    [TestCase("\uFEFFsample_id,lab,Ca (mg%),K (mg%)\nI-1,\uFFFD,40,10\nI-2,\u00FC\u00FC,41,9\n", 2, TestName = "A byte order mark, a real U+FFFD, then invalid UTF-8")]
    public void Bytes_that_are_not_utf8_are_reported_the_same_both_ways(string csv, int count)
    {
        // Each ü stands for the single byte 0xFC, which is not UTF-8 (Latin-1 text).
        var bytes = Encoding.UTF8.GetBytes(csv.Replace('\u00FC', '\u0001')).Select(b => b == 1 ? (byte)0xFC : b).ToArray();

        var results = AssertSameResults(bytes, "latin1.csv");

        var warning = results.SelectMany(r => r.ReadDiagnostics).Should().ContainSingle(d => d.Code == DiagnosticCodes.InvalidText).Which;
        warning.Message.Should().StartWith(count == 1 ? "1 byte of the file is" : $"{count} bytes of the file are");
        results.Last().ReadDiagnostics.Should().Contain(warning, "the warning comes after every row");
    }

    [Test]
    public void Invalid_utf8_among_many_rows_read_alone_and_then_by_one_reader_is_counted_once()
    {
        // More lines read alone than the scanner allows, so it hands the rest to one reader partway.
        var csv = new StringBuilder("sample_id,lab,Ca (mg%),K (mg%)\n");
        for (var i = 0; i < 200; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"R-{i},{(i % 2 == 0 ? "L\u0001b" : "ARL")},40,10\n");
        }

        var bytes = Encoding.UTF8.GetBytes(csv.ToString()).Select(b => b == 1 ? (byte)0xFC : b).ToArray();

        var warning = AssertSameResults(bytes, "many.csv").SelectMany(r => r.ReadDiagnostics).Should().ContainSingle(d => d.Code == DiagnosticCodes.InvalidText).Which;
        warning.Message.Should().StartWith("100 bytes");
        warning.Location.Should().Be(new SourceLocation("many.csv", 2, 5, "lab"));
    }

    [Test]
    public void Options_lab_model_and_context_apply_to_the_fast_path_too()
    {
        var interpreter = Interpreter.Create(new InterpreterOptions { LabId = "tei", ModelId = "ca-k-na-k" }).Value!;
        var options = new BatchOptions { Context = new HtmaInterpreter.Rules.ClientContext { Symptoms = new HashSet<string> { "leg cramps" } } };
        AssertSameResults(Encoding.UTF8.GetBytes(EdgeCases(500, seed: 7)), "options.csv", interpreter, options);
    }

    [Test]
    public void Field_checks_agree_both_ways_at_their_limits()
    {
        var csv =
            "sample_id,lab,sex,age,collected,treatment,Ca (mg%),Mg (mg%),Na (mg%),K (mg%)\n" +
            "F-1,ARL,F,150,2024-02-29,WASHED,40,10,41.7,10\n" +
            "F-2,ARL,Male,151,2023-02-29,Unwashed,40,10,41.7,10\n" +
            "F-3,ARL,x,0150,2023-13-01,rinsed,40,10,41.7,10\n" +
            "F-4,ARL,m,0,0001-01-01,washed,9999.99,10,41.7,10\n" +
            "F-5,ARL,female,1000,2024-1-01,unwashed,10000.01,10,41.7,10\n";
        var results = AssertSameResults(Encoding.UTF8.GetBytes(csv), "limits.csv");

        string[] Invalid(int row) => results[row].ReadDiagnostics
            .Where(d => d.Code == DiagnosticCodes.InvalidMetadataValue).Select(d => d.Location.Field ?? "").ToArray();
        Invalid(0).Should().BeEmpty();
        Invalid(1).Should().Equal("age", "collected");
        Invalid(2).Should().Equal("sex", "collected", "treatment");
        Invalid(3).Should().BeEmpty();
        Invalid(4).Should().Equal("age", "collected");
        results[3].ReadDiagnostics.Should().NotContain(d => d.Code == DiagnosticCodes.AbsurdValue);
        results[4].ReadDiagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.AbsurdValue)
            .Which.Message.Should().Contain("(above 10,000 mg%)");
    }

    private static IEnumerable<string> SampleFiles() =>
        Directory.EnumerateFiles(TestPaths.Samples, "*.csv", SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    private List<BatchResult> AssertSameResults(byte[] file, string name, Interpreter? interpreter = null, BatchOptions? options = null)
    {
        interpreter ??= Interpreter.Default;
        options ??= new BatchOptions { ChunkSize = 64 };
        var batch = new BatchInterpreter(interpreter, BatchTestData.Way(options, useFastPath));
        using var general = new MemoryStream(file);
        var expected = batch.Run(Reader.ReadWideCsvStream(general, name)).ToList();
        using var fast = new MemoryStream(file);
        var actual = batch.RunWideCsv(fast, name).ToList();

        actual.Should().HaveSameCount(expected);
        for (var i = 0; i < expected.Count; i++)
        {
            var (e, a) = (expected[i], actual[i]);
            var because = $"result {i} (line {e.Line}, sample {e.SampleId})";
            a.Line.Should().Be(e.Line, because);
            a.SampleId.Should().Be(e.SampleId, because);
            a.Oxidation.Should().Be(e.Oxidation, because);
            a.Lean.Should().Be(e.Lean, because);
            a.Degree.Should().Be(e.Degree, because);
            a.KeyRatios.Should().Equal(e.KeyRatios, because);
            a.FiredRules.Should().Equal(e.FiredRules, because);
            a.DiagnosticsCount.Should().Be(e.DiagnosticsCount, because);
            a.HasErrors.Should().Be(e.HasErrors, because);
            (a.LabProfileId, a.ModelId, a.RuleSetName, a.RuleSetVersion).Should().Be((e.LabProfileId, e.ModelId, e.RuleSetName, e.RuleSetVersion), because);
            a.ReadDiagnostics.Select(d => d.ToString()).Should().Equal(e.ReadDiagnostics.Select(d => d.ToString()), because);
        }

        AssertSameWrites(file, name, batch, expected, BatchOutputFormat.Csv);
        AssertSameWrites(file, name, batch, expected, BatchOutputFormat.JsonLines);
        return actual;
    }

    /// <summary>
    /// <see cref="BatchInterpreter.WriteWideCsv"/> writes exactly the rows of the interpreted results, gathers the same
    /// statistics, counts the same rows and reports the same diagnostics, in the same order.
    /// </summary>
    private static void AssertSameWrites(byte[] file, string name, BatchInterpreter batch, List<BatchResult> expected, BatchOutputFormat format)
    {
        using var expectedRows = new MemoryStream();
        using (var writer = new BatchResultWriter(expectedRows, format, leaveOpen: true) { UseFastPath = batch.Options.UseFastPath })
        {
            writer.WriteHeader();
            foreach (var result in expected.Where(r => r.IsInterpreted))
            {
                writer.Write(result);
            }
        }

        var expectedSummary = new BatchSummaryBuilder();
        expected.ForEach(expectedSummary.Add);

        using var actualRows = new MemoryStream();
        var reported = new List<BatchResult>();
        var progress = new List<int>();
        BatchWriteResult written;
        using (var input = new MemoryStream(file))
        using (var writer = new BatchResultWriter(actualRows, format, leaveOpen: true) { UseFastPath = batch.Options.UseFastPath })
        {
            written = batch.WriteWideCsv(input, name, writer, new BatchWriteOptions { Summarize = true, OnReadDiagnostics = reported.Add, OnProgress = progress.Add });
        }

        var because = $"{name} written as {format}";
        Encoding.UTF8.GetString(actualRows.ToArray()).Should().Be(Encoding.UTF8.GetString(expectedRows.ToArray()), because);

        // The same rows through a text writer, which gets them decoded.
        using (var input = new MemoryStream(file))
        using (var text = new StringWriter(CultureInfo.InvariantCulture))
        {
            using (var writer = new BatchResultWriter(text, format, leaveOpen: true) { UseFastPath = batch.Options.UseFastPath })
            {
                batch.WriteWideCsv(input, name, writer);
            }

            text.ToString().Should().Be(Encoding.UTF8.GetString(expectedRows.ToArray()), because + " to a text writer");
        }

        written.Rows.Should().Be(expected.Count(r => r.IsRow), because);
        written.Interpreted.Should().Be(expected.Count(r => r.IsInterpreted), because);
        written.RowsWithErrors.Should().Be(expected.Count(r => r.IsRow && !r.IsInterpreted && r.HasErrors), because);
        written.HasErrors.Should().Be(expected.Any(r => r.HasErrors), because);
        TextOf(written.Summary!).Should().Be(TextOf(expectedSummary.Build()), because);
        reported.Select(r => (r.Line, r.SampleId, string.Join("\n", r.ReadDiagnostics)))
            .Should().Equal(expected.Where(r => r.ReadDiagnostics.Count > 0).Select(r => (r.Line, r.SampleId, string.Join("\n", r.ReadDiagnostics))), because);
        progress.Should().BeInAscendingOrder(because);
        if (expected.Count > 0)
        {
            progress.Should().NotBeEmpty(because).And.EndWith(expected.Count, because);
        }
    }

    private static string TextOf(BatchSummary summary)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        summary.WriteText(text);
        return text.ToString();
    }

    /// <summary>Rows mixing plain values with everything the fast reader must leave to the general reader.</summary>
    internal static string EdgeCases(int rows, int seed)
    {
        var random = new Random(seed);
        string Pick(params string[] choices) => choices[random.Next(choices.Length)];
        string Number(double low, double high)
        {
            var value = low * Math.Pow(high / low, random.NextDouble());
            return value.ToString(random.Next(3) switch { 0 => "0.###", 1 => "0.0####", _ => "G3" }, CultureInfo.InvariantCulture);
        }

        string Value(double low, double high) => random.Next(40) switch
        {
            0 => "",
            1 => "<" + Number(low, high),
            2 => ">" + Number(low, high),
            3 => Pick("ND", "nd", "n.d.", "not detected"),
            4 => "0",
            5 => " " + Number(low, high),
            6 => Pick("abc", "NaN", "-3", "1e2", "12345", "20000", "1,5", "\"7.5\""),
            _ => Number(low, high),
        };

        var text = new StringBuilder(Header).Append('\n');
        for (var row = 1; row <= rows; row++)
        {
            var id = random.Next(60) == 0 ? Pick("", " padded ", "~") : string.Create(CultureInfo.InvariantCulture, $"E-{row:D5}");
            string[] fields =
            [
                id,
                Pick("P-1", "", "~"),
                random.Next(8) == 0 ? Pick("", "~", "Unknown Lab", "tei", " ARL", "Doctor's Data", "doctors-data") : Pick("ARL", "TEI", "Doctors Data"),
                random.Next(10) == 0 ? Pick("", "F", "Male", "x", "M ") : Pick("female", "male"),
                random.Next(10) == 0 ? Pick("", "150", "151", "007", "abc", "1000") : random.Next(1, 90).ToString(CultureInfo.InvariantCulture),
                random.Next(10) == 0 ? Pick("", "2026-02-30", "2026-2-3", "2024-02-29", "0000-01-01", "26-01-01") : "2026-03-14",
                random.Next(6) == 0 ? Pick("", "washed", "Washed", "rinsed") : "unwashed",
                // Exact threshold values sometimes: Ca/K = 4 and Na/Mg = 4.17 with Ca 40, K 10, Na 41.7, Mg 10.
                random.Next(12) == 0 ? "40" : Value(10, 200),
                random.Next(12) == 0 ? "10" : Value(2, 30),
                random.Next(12) == 0 ? "41.7" : Value(2, 100),
                random.Next(12) == 0 ? "10" : Value(1, 60),
                Value(0.5, 6), Value(8, 30), Value(8, 25), Value(0.5, 3),
                Value(0.001, 0.5), Value(0.001, 0.05), Value(0.001, 0.2), Value(0.005, 2),
            ];
            var line = string.Join(',', fields);
            text.Append(random.Next(200) switch
            {
                0 => line + ",extra",
                1 => line[..line.LastIndexOf(',')],
                2 => new string(',', fields.Length - 1),
                _ => line,
            }).Append('\n');
        }

        return text.ToString();
    }
}
