using HtmaInterpreter.Batch;
using HtmaInterpreter.Cli;
using HtmaInterpreter.Tests.Cli;

namespace HtmaInterpreter.Tests.Batch;

[TestFixture(true)]
[TestFixture(false)]
public class BatchCommandTests(bool useFastPath) : CommandTestBase
{
    [SetUp]
    public void ChooseThePath() => Settings = new RunSettings { Batch = new BatchOptions { UseFastPath = useFastPath } };

    private string WriteInput(string csv) => Write("input.csv", csv);

    [Test]
    public void The_sample_goes_to_stdout_as_csv_and_exits_0()
    {
        var exitCode = Run("batch", TestPaths.Sample("wide-clinic-batch.csv"));

        exitCode.Should().Be(0);
        Stderr.ToString().Should().BeEmpty();
        var lines = Stdout.ToString().TrimEnd('\n').Split('\n');
        lines.Should().HaveCount(23);
        lines[0].Should().Be(BatchResultWriter.CsvHeader);
        lines[1].Should().StartWith("2,S-2026-0201,slow,,mild,");
        lines[^1].Should().StartWith("23,S-2026-0222,");
    }

    [Test]
    public void Bad_rows_are_reported_on_stderr_and_skipped_the_rest_written_exit_1()
    {
        var broken = new Dictionary<int, string>
        {
            [40] = "G-00040,ARL,female,40,abc,8,25,10,1.5,16,14",
            [41] = ",ARL,female,40,50,8,25,10,1.5,16,14",
        };
        var input = WriteInput(BatchTestData.Generate(100, broken));
        var output = Path.Combine(Folder, "results.csv");

        var exitCode = Run("batch", input, "--out", output);

        exitCode.Should().Be(1);
        Stdout.ToString().Should().BeEmpty();
        var errors = Stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        errors.Should().Equal(
            $"{input}:41:23 (Ca (mg%)): error HTMA0204: The value of Ca is not a number. Expected a number such as 73 or 0.05, a detection limit such as <0.002 or >500, or ND.",
            $"{input}:42:1 (sample_id): error HTMA0104: The panel has no sample_id; it is called 'line 42' here. Add a sample_id.",
            "htma batch: 2 rows with errors skipped (see above); 98 interpreted.");
        var rows = File.ReadAllLines(output);
        rows.Should().HaveCount(99);
        rows.Skip(1).Select(r => r.Split(',')[1]).Should().Equal(
            Enumerable.Range(1, 100).Except([40, 41]).Select(BatchTestData.Id));
    }

    [Test]
    public void A_quote_never_closed_in_the_first_row_is_reported_and_every_row_after_it_interpreted_exit_1()
    {
        const int rows = 300;
        var csv = BatchTestData.Generate(rows, new Dictionary<int, string>
        {
            [1] = "Q-1,\"ARL,female,40,50,8,25,10,1.5,16,14\n# " + new string('c', HtmaInterpreter.Diagnostics.InputLimits.MaxRecordCharacters),
        });
        var input = WriteInput(csv);
        var output = Path.Combine(Folder, "results.csv");

        var exitCode = Run("batch", input, "--out", output, "--summary");

        exitCode.Should().Be(1);
        Stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            $"{input}:2:5 (lab): error HTMA0119: This record is longer than " +
            HtmaInterpreter.Diagnostics.InputLimits.MaxRecordCharacters.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) +
            " characters, usually because a quote opened here is never closed. It is skipped; reading goes on at the next line.");
        Stdout.ToString().Should().StartWith($"cohort summary: {rows - 1} rows, {rows - 1} interpreted, 0 not interpreted (errors), 1 file errors\n");
        File.ReadAllLines(output).Skip(1).Select(r => r.Split(',')[1]).Should().Equal(Enumerable.Range(2, rows - 1).Select(BatchTestData.Id));
    }

    [Test]
    public void Json_lines_go_to_a_jsonl_file_and_the_summary_to_stdout()
    {
        var output = Path.Combine(Folder, "results.jsonl");

        var exitCode = Run("batch", TestPaths.Sample("wide-clinic-batch.csv"), "--out", output, "--summary");

        exitCode.Should().Be(0);
        File.ReadAllLines(output).Should().HaveCount(22).And.OnlyContain(l => l.StartsWith("{\"line\":", StringComparison.Ordinal));
        Stdout.ToString().Should().StartWith("cohort summary: 22 rows, 22 interpreted, 0 not interpreted (errors)\n");
        Stdout.ToString().Should().Contain("\nslow                    13    59.1%\n");
        Stderr.ToString().Should().BeEmpty();
    }

    [Test]
    public void An_existing_output_file_is_emptied_and_rewritten_keeping_its_permissions_and_a_link_is_written_through()
    {
        var output = Write("results.csv", new string('#', 100_000) + "\n");
        var privateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(output, privateMode);
        }

        Run("batch", TestPaths.Sample("wide-clinic-batch.csv"), "--out", output).Should().Be(0);
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(output).Should().Be(privateMode, "results of patients stay as private as the file was");
        }

        var rows = File.ReadAllLines(output);
        rows.Should().HaveCount(23);
        rows[0].Should().Be(BatchResultWriter.CsvHeader);
        rows.Should().NotContain(r => r.Contains('#', StringComparison.Ordinal));

        var target = Write("target.csv", "old\n");
        var link = Path.Combine(Folder, "link.csv");
        File.CreateSymbolicLink(link, target);
        Run("batch", TestPaths.Sample("wide-clinic-batch.csv"), "--out", link).Should().Be(0);
        new FileInfo(link).LinkTarget.Should().Be(target);
        File.ReadAllLines(target).Should().Equal(rows);
    }

    [Test]
    public void With_results_on_stdout_the_summary_goes_to_stderr()
    {
        var exitCode = Run("batch", TestPaths.Sample("wide-clinic-batch.csv"), "--summary");

        exitCode.Should().Be(0);
        Stdout.ToString().Should().StartWith(BatchResultWriter.CsvHeader).And.NotContain("cohort summary");
        Stderr.ToString().Should().StartWith("cohort summary: 22 rows");
    }

    [Test]
    public void The_lab_and_model_options_choose_the_interpreter()
    {
        var path = TestPaths.Sample("wide-clinic-batch.csv");
        var interpreter = Interpreter.Create(new InterpreterOptions { LabId = "tei", ModelId = "ca-k-na-k" }).Value!;
        var expected = new HtmaInterpreter.Readers.PanelReader().ReadFile(path).Value!
            .Select(p => interpreter.Interpret(p).Oxidation.Type.ToString().ToLowerInvariant());

        Run("batch", path, "--lab", "tei", "--model", "ca-k-na-k").Should().Be(0);

        var rows = Stdout.ToString().TrimEnd('\n').Split('\n').Skip(1).ToList();
        rows.Select(r => r.Split(',')[2]).Should().Equal(expected);
    }

    [Test]
    public void A_missing_file_is_an_input_error_naming_it()
    {
        var missing = Path.Combine(Folder, "nope.csv");

        Run("batch", missing).Should().Be(1);

        Stderr.ToString().Should().Be($"{missing}: error HTMA0114: The file does not exist.\n");
    }

    [Test]
    public void A_file_that_is_not_a_wide_csv_exits_1()
    {
        Run("batch", TestPaths.Sample("slow-oxidizer.csv")).Should().Be(1);
        Stderr.ToString().Should().Contain("error HTMA0103");
        Stdout.ToString().Should().Be(BatchResultWriter.CsvHeader + "\n");
    }

    [TestCase(new string[0], "no FILE given.")]
    [TestCase(new[] { "a.csv", "b.csv" }, "Unrecognized command or argument 'b.csv'.")]
    [TestCase(new[] { "a.csv", "--out", "results.txt" }, "cannot tell the output format from 'results.txt'; name it .csv or .jsonl.")]
    [TestCase(new[] { "a.csv", "--fast" }, "Unrecognized command or argument '--fast'.")]
    [TestCase(new[] { "a.csv", "--out" }, "Required argument missing for option: '--out'.")]
    public void Usage_errors_exit_2_with_the_message_and_where_the_usage_is_on_stderr_only(string[] args, string message)
    {
        Run(["batch", .. args]).Should().Be(2);

        Stdout.ToString().Should().BeEmpty();
        Stderr.ToString().Should().StartWith($"htma batch: {message}\n").And.EndWith("Run 'htma batch --help' for its usage.\n");
    }

    [Test]
    public void An_unknown_lab_is_a_usage_error()
    {
        Run("batch", TestPaths.Sample("wide-clinic-batch.csv"), "--lab", "nowhere").Should().Be(2);
        Stderr.ToString().Should().Contain("There is no lab 'nowhere'");
    }

    private const string MixedLabs =
        """
        sample_id,lab,sex,age,Ca (mg%),Mg (mg%),Na (mg%),K (mg%),Cu (mg%),Zn (mg%),P (mg%)
        A-1,ARL,female,40,60,8,25,10,1.5,16,14
        T-1,TEI,female,40,60,8,25,10,1.5,16,14
        A-2,ARL,male,50,145,13,10,3,1.4,18,14
        N-1,,female,40,60,8,25,10,1.5,16,14

        """;

    [Test]
    public void Each_row_names_its_own_lab_profile_and_the_run_its_model_and_rule_set()
    {
        var input = WriteInput(MixedLabs);

        Run("batch", input).Should().Be(0);

        var rows = Stdout.ToString().TrimEnd('\n').Split('\n');
        rows.Should().HaveCount(5);
        var version = Interpreter.Default.Rules.Version;
        rows.Skip(1).Select(r => string.Join(',', r.Split(',')[14..18])).Should().Equal(
            $"arl,eck-wilson,default,{version}",
            $"tei,eck-wilson,default,{version}",
            $"arl,eck-wilson,default,{version}",
            $"arl,eck-wilson,default,{version}"); // no lab named: the default profile, as a single report says
        rows[1].Should().EndWith(",\"" + Interpretation.NotADiagnosis + "\"");
        rows.Skip(2).Should().OnlyContain(r => r.EndsWith(version + ",", StringComparison.Ordinal));
    }

    [Test]
    public void The_lab_option_names_its_profile_on_every_row_and_the_model_option_its_model()
    {
        var input = WriteInput(MixedLabs);

        Run("batch", input, "--lab", "arl", "--model", "CA-K-NA-K").Should().Be(0);

        var rows = Stdout.ToString().TrimEnd('\n').Split('\n').Skip(1).ToList();
        rows.Select(r => r.Split(',')[14]).Should().Equal("arl", "arl", "arl", "arl");
        rows.Select(r => r.Split(',')[15]).Should().OnlyContain(m => m == "ca-k-na-k", "the model's id, as the definitions spell it");
    }

    [Test]
    public void Json_lines_name_lab_model_and_rule_set_on_every_record_and_the_note_on_the_first()
    {
        var input = WriteInput(MixedLabs);
        var output = Path.Combine(Folder, "results.jsonl");

        Run("batch", input, "--out", output).Should().Be(0);

        var records = File.ReadAllLines(output).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement).ToList();
        records.Select(r => r.GetProperty("labProfile").GetString()).Should().Equal("arl", "tei", "arl", "arl");
        records.Should().OnlyContain(r => r.GetProperty("model").GetString() == "eck-wilson"
            && r.GetProperty("ruleSet").GetProperty("name").GetString() == "default"
            && r.GetProperty("ruleSet").GetProperty("version").GetString() == Interpreter.Default.Rules.Version);
        records[0].GetProperty("note").GetString().Should().Be(Interpretation.NotADiagnosis);
        records.Skip(1).Select(r => r.TryGetProperty("note", out var note)).Should().OnlyContain(has => !has);
    }

    [Test]
    public void The_summary_names_model_rule_set_and_lab_profiles_and_ends_with_the_note()
    {
        var input = WriteInput(MixedLabs);
        var output = Path.Combine(Folder, "results.csv");

        Run("batch", input, "--out", output, "--summary").Should().Be(0);

        var lines = Stdout.ToString().TrimEnd('\n').Split('\n');
        lines[0].Should().Be("cohort summary: 4 rows, 4 interpreted, 0 not interpreted (errors)");
        lines[1].Should().Be($"model eck-wilson · rules default {Interpreter.Default.Rules.Version} · lab profiles arl (3 panels), tei (1 panel)");
        lines[^1].Should().Be(Interpretation.NotADiagnosis);

        Run("batch", input, "--out", output, "--summary", "--lab", "tei").Should().Be(0);
        Stdout.ToString().Should().Contain($"\nmodel eck-wilson · rules default {Interpreter.Default.Rules.Version} · lab profile tei\n");
    }

    [Test]
    public void Help_describes_the_output_and_where_the_summary_goes()
    {
        Run("batch", "--help").Should().Be(0);

        Stdout.ToString().Should().Contain("usage: htma batch FILE [--out results.csv|results.jsonl] [--summary]")
            .And.Contain("to standard error when the rows go to standard output")
            .And.Contain("lab_profile").And.Contain("rule_set_version").And.Contain("not a diagnosis");
    }
}
