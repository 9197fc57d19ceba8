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
        var exitCode = ShowCommand.Run([], _stdout, _stderr, NeverCalled);

        exitCode.Should().Be(2);
        _stdout.ToString().Should().BeEmpty();
        _stderr.ToString().Should().StartWith("htma show: no FILE given.\nusage: htma show FILE\n");
    }

    [Test]
    public void Two_files_are_a_usage_error()
    {
        ShowCommand.Run(["a.csv", "b.csv"], _stdout, _stderr, NeverCalled).Should().Be(2);
        _stderr.ToString().Should().StartWith("htma show: expected one FILE, got more than one.");
    }

    [Test]
    public void Unknown_option_is_a_usage_error()
    {
        ShowCommand.Run(["--wide", "a.csv"], _stdout, _stderr, NeverCalled).Should().Be(2);
        _stderr.ToString().Should().StartWith("htma show: unknown option '--wide'.");
    }

    [Test]
    public void Help_prints_the_show_usage_on_stdout()
    {
        ShowCommand.Run(["--help"], _stdout, _stderr, NeverCalled).Should().Be(0);
        _stdout.ToString().Should().StartWith("usage: htma show FILE\n");
        _stderr.ToString().Should().BeEmpty();
    }

    [Test]
    public void A_file_name_after_double_dash_may_start_with_a_dash()
    {
        ShowCommand.Run(["--", "-odd-name.csv"], _stdout, _stderr).Should().Be(1);
        _stdout.ToString().Should().Contain("-odd-name.csv: error HTMA0114:");
    }

    [Test]
    public void Missing_file_exits_1_with_a_located_diagnostic()
    {
        var missing = Path.Combine(Path.GetTempPath(), "htma-no-such-file-" + Guid.NewGuid().ToString("N") + ".csv");

        var exitCode = ShowCommand.Run([missing], _stdout, _stderr);

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

        var exitCode = ShowCommand.Run([_existingFile], _stdout, _stderr, path =>
        {
            path.Should().Be(_existingFile);
            return result;
        });

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

        var exitCode = ShowCommand.Run([_existingFile], _stdout, _stderr, _ => result);

        exitCode.Should().Be(1);
        _stdout.ToString().Should().Contain("panel S-2026-0101\n")
            .And.Contain($"  {_existingFile}:9:1: error HTMA0199: Test error.\n")
            .And.EndWith("1 error, 0 warnings, 0 info\n");
    }

    [Test]
    public void No_value_and_no_error_still_exits_1()
    {
        var result = new ParseResult<IReadOnlyList<Panel>>(null, []);

        ShowCommand.Run([_existingFile], _stdout, _stderr, _ => result).Should().Be(1);
        _stdout.ToString().Should().StartWith("No panel could be read.\n");
    }

    private static ParseResult<IReadOnlyList<Panel>> NeverCalled(string path) =>
        throw new AssertionException($"The reader must not be called (path '{path}').");
}
