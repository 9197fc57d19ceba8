using HtmaInterpreter.Cli.Commands;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Panels;

namespace HtmaInterpreter.Tests.Cli;

public class ShowCommandTests
{
    private StringWriter _stdout = null!;
    private StringWriter _stderr = null!;
    private string _existingFile = "";

    [SetUp]
    public void CreateFileAndWriters()
    {
        _existingFile = Path.GetTempFileName();
        _stdout = new StringWriter { NewLine = "\n" };
        _stderr = new StringWriter { NewLine = "\n" };
    }

    [TearDown]
    public void Cleanup()
    {
        File.Delete(_existingFile);
        _stdout.Dispose();
        _stderr.Dispose();
    }

    [Test]
    public void No_file_is_a_usage_error()
    {
        var exitCode = HtmaInterpreter.Cli.Program.Run(["show"], _stdout, _stderr);

        exitCode.Should().Be(2);
        _stdout.ToString().Should().BeEmpty();
        _stderr.ToString().Should().Be("htma show: no FILE given.\nRun 'htma show --help' for its usage.\n");
    }

    [Test]
    public void Two_files_are_a_usage_error()
    {
        HtmaInterpreter.Cli.Program.Run(["show", "a.csv", "b.csv"], _stdout, _stderr).Should().Be(2);
        _stdout.ToString().Should().BeEmpty();
        _stderr.ToString().Should().StartWith("htma show: Unrecognized command or argument 'b.csv'.");
    }

    [Test]
    public void Unknown_option_is_a_usage_error()
    {
        HtmaInterpreter.Cli.Program.Run(["show", "--wide", "a.csv"], _stdout, _stderr).Should().Be(2);
        _stdout.ToString().Should().BeEmpty();
        _stderr.ToString().Should().Contain("htma show: Unrecognized command or argument '--wide'.");

        _stderr.GetStringBuilder().Clear();
        HtmaInterpreter.Cli.Program.Run(["show", "--input-fromat", "csv", "a.csv"], _stdout, _stderr).Should().Be(2);
        _stdout.ToString().Should().BeEmpty();
        _stderr.ToString().Should().Contain("htma show: Unrecognized command or argument '--input-fromat'.\n")
            .And.Contain("Did you mean one of the following?\n--input-format\n");
    }

    [Test]
    public void Help_prints_the_show_usage_on_stdout()
    {
        HtmaInterpreter.Cli.Program.Run(["show", "--help"], _stdout, _stderr).Should().Be(0);
        _stdout.ToString().Should().StartWith("usage: htma show FILE [--input-format csv|yaml|json|fhir]\n");
        _stderr.ToString().Should().BeEmpty();
    }

    [Test]
    public void A_file_name_after_double_dash_may_start_with_a_dash()
    {
        HtmaInterpreter.Cli.Program.Run(["show", "--", "-odd-name.csv"], _stdout, _stderr).Should().Be(1);
        _stdout.ToString().Should().Contain("-odd-name.csv: error HTMA0114:");
    }

    [Test]
    public void Missing_file_exits_1_with_a_located_diagnostic()
    {
        var missing = Path.Combine(Path.GetTempPath(), "htma-no-such-file-" + Guid.NewGuid().ToString("N") + ".csv");

        var exitCode = HtmaInterpreter.Cli.Program.Run(["show", missing], _stdout, _stderr);

        exitCode.Should().Be(1);
        _stderr.ToString().Should().BeEmpty();
        _stdout.ToString().Should().Be(
            "No panel could be read.\n\n"
            + "diagnostics:\n"
            + $"  {missing}: error HTMA0114: The file does not exist.\n"
            + "1 error, 0 warnings, 0 info\n");
    }

    [Test]
    public void Missing_file_through_the_dispatcher_also_exits_1()
    {
        HtmaInterpreter.Cli.Program.Run(["show", "no/such/dir/panel.csv"], _stdout, _stderr).Should().Be(1);
        _stdout.ToString().Should().Contain("no/such/dir/panel.csv: error HTMA0114: The file does not exist.\n");
    }

    [Test]
    public void A_panel_read_with_only_warnings_exits_0_and_prints_the_panel_and_the_warning()
    {
        var warning = Diagnostic.Warning("HTMA0299", "Test warning.", new SourceLocation(_existingFile, 4, 5, "Ca"));
        var result = new ParseResult<IReadOnlyList<Panel>>([PanelPrinterTests.SlowOxidizer()], [warning]);

        var exitCode = ShowCommand.Show(result, _stdout);

        exitCode.Should().Be(0);
        _stdout.ToString().Should().StartWith("panel S-2026-0101\n")
            .And.Contain($"  {_existingFile}:4:5 (Ca): warning HTMA0299: Test warning.\n")
            .And.EndWith("0 errors, 1 warning, 0 info\n");
    }

    [Test]
    public void A_partial_result_with_an_error_exits_1_but_still_prints_what_was_read()
    {
        var error = Diagnostic.Error("HTMA0199", "Test error.", new SourceLocation(_existingFile, 9, 1));
        var result = new ParseResult<IReadOnlyList<Panel>>([PanelPrinterTests.SlowOxidizer()], [error]);

        var exitCode = ShowCommand.Show(result, _stdout);

        exitCode.Should().Be(1);
        _stdout.ToString().Should().Contain("panel S-2026-0101\n")
            .And.Contain($"  {_existingFile}:9:1: error HTMA0199: Test error.\n")
            .And.EndWith("1 error, 0 warnings, 0 info\n");
    }

    [Test]
    public void No_value_and_no_error_still_exits_1()
    {
        var result = new ParseResult<IReadOnlyList<Panel>>(null, []);

        ShowCommand.Show(result, _stdout).Should().Be(1);
        _stdout.ToString().Should().StartWith("No panel could be read.\n");
    }
}
