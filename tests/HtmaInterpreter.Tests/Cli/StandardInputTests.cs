using System.Text.Json;
using HtmaInterpreter.Batch;
using HtmaInterpreter.Cli;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Tests.Batch;

namespace HtmaInterpreter.Tests.Cli;

/// <summary>Issue 16 part 3: <c>-</c> reads standard input in every command that takes a file; <c>--input-format</c>.</summary>
public class StandardInputTests : CommandTestBase
{
    private string ShowOf(string path)
    {
        Stdout.GetStringBuilder().Clear();
        Run("show", path).Should().Be(0, Stderr.ToString());
        return Stdout.ToString();
    }

    [TestCase("slow-oxidizer.csv")]
    [TestCase("fast-oxidizer.yaml")]
    [TestCase("mixed-pattern.json")]
    [TestCase("wide-clinic-batch.csv")]
    public void Show_of_standard_input_prints_what_show_of_the_file_prints_with_the_format_from_the_content(string sample)
    {
        var path = TestPaths.Sample(sample);
        var fromFile = ShowOf(path);
        Stdout.GetStringBuilder().Clear();

        RunWithInput(File.ReadAllText(path), "show", "-").Should().Be(0, Stderr.ToString());

        Stdout.ToString().Should().Be(fromFile.Replace(path, "<stdin>", StringComparison.Ordinal));
        Stderr.ToString().Should().BeEmpty();
    }

    [Test]
    public void Interpret_of_standard_input_gives_the_report_of_the_file()
    {
        RunWithInput(File.ReadAllText(TestPaths.Sample("slow-oxidizer.csv")), "interpret", "-", "--format", "json").Should().Be(0, Stderr.ToString());

        using var json = JsonDocument.Parse(Stdout.ToString());
        json.RootElement.GetProperty("oxidation").GetProperty("type").GetString().Should().Be("slow");
        json.RootElement.GetProperty("sample").GetProperty("sampleId").GetString().Should().Be("S-2026-0101");
    }

    [Test]
    public void Errors_in_standard_input_are_located_in_stdin()
    {
        RunWithInput("", "show", "-").Should().Be(1);
        Stdout.ToString().Should().Contain($"<stdin>:1:1: error {DiagnosticCodes.EmptyInput}: The file is empty.");

        Stdout.GetStringBuilder().Clear();
        RunWithInput(File.ReadAllText(TestPaths.Sample(Path.Combine("invalid", "ragged-rows.csv"))), "interpret", "-").Should().Be(1);
        Stdout.ToString().Should().Contain("<stdin>:6:8: error HTMA0106");
    }

    [Test]
    public void Standard_input_past_the_size_limit_is_not_read()
    {
        var tooLarge = "[" + new string(' ', InputLimits.MaxDocumentBytes) + "]";

        RunWithInput(tooLarge, "show", "-").Should().Be(1);

        Stdout.ToString().Should().Contain($"<stdin>: error {DiagnosticCodes.InputTooLarge}:");
    }

    [Test]
    public void Input_format_forces_the_reader()
    {
        var json = File.ReadAllText(TestPaths.Sample("mixed-pattern.json"));
        RunWithInput(json, "show", "-", "--input-format", "yaml").Should().Be(0, "JSON is YAML: " + Stdout);
        Stdout.ToString().Should().Contain("panel S-2026-0103");

        Stdout.GetStringBuilder().Clear();
        var yaml = File.ReadAllText(TestPaths.Sample("fast-oxidizer.yaml"));
        RunWithInput(yaml, "show", "-", "--input-format", "json").Should().Be(1);
        Stdout.ToString().Should().Contain("<stdin>:1:1: error");

        Stdout.GetStringBuilder().Clear();
        Run("show", TestPaths.Sample("fast-oxidizer.yaml"), "--input-format", "csv").Should().Be(1);
        Stdout.ToString().Should().Contain("fast-oxidizer.yaml:").And.Contain(": error HTMA01");
    }

    [Test]
    public void An_unknown_input_format_is_a_usage_error()
    {
        Run("show", TestPaths.Sample("slow-oxidizer.csv"), "--input-format", "xml").Should().Be(2);

        Stdout.ToString().Should().BeEmpty();
        Stderr.ToString().Should().StartWith("htma show: unknown input format 'xml'; use csv, yaml, json, fhir.");
    }

    [Test]
    public void Compare_reads_one_of_its_files_from_standard_input()
    {
        var older = TestPaths.Sample("retest-P-0009-2025-10-06.csv");
        var newer = TestPaths.Sample("retest-P-0009-2026-02-09.yaml");
        Run("compare", older, newer, "--format", "json").Should().Be(0, Stderr.ToString());
        var fromFiles = Stdout.ToString();
        Stdout.GetStringBuilder().Clear();

        RunWithInput(File.ReadAllText(newer), "compare", older, "-", "--format", "json").Should().Be(0, Stderr.ToString());

        Stdout.ToString().Should().Be(fromFiles.Replace(JsonEncodedText.Encode(newer).ToString(), "<stdin>", StringComparison.Ordinal));
    }

    [Test]
    public void Compare_takes_standard_input_once()
    {
        RunWithInput("", "compare", "-", "-").Should().Be(2);

        Stdout.ToString().Should().BeEmpty();
        Stderr.ToString().Should().StartWith("htma compare: standard input ('-') can be read once; give '-' for one FILE only.\n");
    }

    [TestCase("mood=grumpy", "HTMA0602")]
    [TestCase("leg_cramps", "HTMA0604")]
    [TestCase("age=ancient", "HTMA0604")]
    [TestCase("sex=unknown-word", "HTMA0604")]
    public void A_bad_client_pair_is_a_usage_error_before_any_output(string pair, string code)
    {
        var target = Path.Combine(Folder, "report.html");

        Run("interpret", TestPaths.Sample("slow-oxidizer.csv"), "--client", "sex=female", "--client", pair, "--format", "html", "--out", target).Should().Be(2);

        Stdout.ToString().Should().BeEmpty();
        Stderr.ToString().Should().StartWith("htma interpret: --client argument 2").And.Contain(code).And.EndWith("Run 'htma interpret --help' for its usage.\n");
        Directory.EnumerateFileSystemEntries(Folder).Should().BeEmpty("nothing is written, not even a temporary file");
    }

    [TestCase("mood=grumpy", "Unknown client-context key 'mood'")]
    [TestCase("symptoms=hiccups", "Unknown symptoms value 'hiccups'")]
    public void A_refused_client_pair_does_not_claim_the_run_went_on(string pair, string message)
    {
        Run("interpret", TestPaths.Sample("slow-oxidizer.csv"), "--client", pair).Should().Be(2);

        Stderr.ToString().Should().Contain(message).And.NotContain("ignored", "the run stops, so nothing was ignored");
    }
}

[TestFixture(true)]
[TestFixture(false)]
public class BatchStandardInputTests(bool useFastPath) : CommandTestBase
{
    [SetUp]
    public void ChooseThePath() => Settings = new RunSettings { Batch = new BatchOptions { UseFastPath = useFastPath } };

    [Test]
    public void Batch_of_standard_input_writes_the_rows_of_the_file()
    {
        var path = TestPaths.Sample("wide-clinic-batch.csv");
        Run("batch", path, "--summary").Should().Be(0, Stderr.ToString());
        var (rows, summary) = (Stdout.ToString(), Stderr.ToString());
        Stdout.GetStringBuilder().Clear();
        Stderr.GetStringBuilder().Clear();

        RunWithInput(File.ReadAllText(path), "batch", "-", "--summary").Should().Be(0, Stderr.ToString());

        Stdout.ToString().Should().Be(rows).And.StartWith(BatchResultWriter.CsvHeader);
        Stderr.ToString().Should().Be(summary);
    }

    [Test]
    public void A_bad_row_of_standard_input_is_located_in_stdin()
    {
        var input = BatchTestData.Generate(10, new Dictionary<int, string> { [4] = "G-00004,ARL,female,40,abc,8,25,10,1.5,16,14" });

        RunWithInput(input, "batch", "-").Should().Be(1);

        Stderr.ToString().Should().StartWith("<stdin>:5:23 (Ca (mg%)): error HTMA0204:");
    }

    [TestCase(new byte[] { 0xEF }, null)]
    [TestCase(new byte[] { 0xEF, 0xBB }, null)]
    [TestCase(new byte[] { 0xEF, 0xBB, 0xBF }, null)]
    [TestCase(new byte[] { 0xEF, 0xBB, 0xBF, (byte)' ', (byte)'{' }, (byte)'{')]
    [TestCase(new byte[] { (byte)'\n', (byte)'[' }, (byte)'[')]
    [TestCase(new byte[] { 0xEF, (byte)'A' }, (byte)0xEF)]
    public void A_first_read_that_ends_inside_the_byte_order_mark_leaves_the_format_undecided(byte[] head, byte? expected)
    {
        HtmaInterpreter.Cli.Commands.PanelInput.FirstSignificant(head).Should().Be(expected);
    }
}
