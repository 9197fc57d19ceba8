using HtmaInterpreter.Cli;
using HtmaInterpreter.Cli.Commands;

namespace HtmaInterpreter.Tests.Cli;

public class ProgramTests
{
    private StringWriter _stdout = null!;
    private StringWriter _stderr = null!;

    [SetUp]
    public void CreateWriters()
    {
        _stdout = new StringWriter { NewLine = "\n" };
        _stderr = new StringWriter { NewLine = "\n" };
    }

    [TearDown]
    public void DisposeWriters()
    {
        _stdout.Dispose();
        _stderr.Dispose();
    }

    [Test]
    public void No_arguments_is_a_usage_error_with_the_usage_on_stderr()
    {
        var exitCode = Program.Run([], _stdout, _stderr);

        exitCode.Should().Be(2);
        _stdout.ToString().Should().BeEmpty();
        _stderr.ToString().Should().StartWith("htma: no command given.\nusage: htma COMMAND [ARGS]\n");
        _stderr.ToString().Should().Contain("  show       Print the panels read from a file");
    }

    [Test]
    public void Unknown_command_is_a_usage_error_naming_it()
    {
        var exitCode = Program.Run(["interpret-everything"], _stdout, _stderr);

        exitCode.Should().Be(2);
        _stderr.ToString().Should().StartWith("htma: unknown command 'interpret-everything'.\nusage: htma COMMAND");
    }

    [Test]
    public void Unknown_option_is_a_usage_error_naming_it()
    {
        Program.Run(["--verbose"], _stdout, _stderr).Should().Be(2);
        _stderr.ToString().Should().StartWith("htma: unknown option '--verbose'.");
    }

    [TestCase("--help")]
    [TestCase("-h")]
    [TestCase("help")]
    public void Help_prints_the_usage_and_the_commands_on_stdout(string option)
    {
        var exitCode = Program.Run([option], _stdout, _stderr);

        exitCode.Should().Be(0);
        _stderr.ToString().Should().BeEmpty();
        _stdout.ToString().Should().Be(
            """
            usage: htma COMMAND [ARGS]
                   htma --help | --version

            commands:
              show       Print the panels read from a file, in canonical units (mg%), with diagnostics.
              interpret  Interpret the panels of a file: ratios, oxidation type and findings (text, JSON, Markdown or HTML).
              compare    Compare two or more tests of one person: changes toward/away from the ideal, trends, retest findings.
              batch      Interpret a wide CSV of many panels on all cores: one result row per panel, cohort statistics.
              rules      List the rules, or check a rule folder for errors (with file, line and column).

            Run 'htma COMMAND --help' for a command's options.
            Exit codes: 0 success (warnings allowed), 1 input has errors or the output cannot be written, 2 usage error, 3 internal error, 130 interrupted.

            """.ReplaceLineEndings("\n"));
    }

    [Test]
    public void Version_prints_the_tool_name_and_a_semantic_version()
    {
        Program.Run(["--version"], _stdout, _stderr).Should().Be(0);
        _stdout.ToString().Should().MatchRegex(@"^htma \d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?\n$");
    }

    [Test]
    public void Dispatches_to_the_named_command_with_the_remaining_arguments()
    {
        IReadOnlyList<string>? received = null;
        Command[] commands =
        [
            new("show", "unused", (_, _, _, _) => 99),
            new("echo", "test", (args, stdout, _, _) =>
            {
                received = args;
                stdout.Write("ran");
                return 0;
            }),
        ];

        var exitCode = Program.Run(["echo", "a", "--b"], _stdout, _stderr, commands);

        exitCode.Should().Be(0);
        received.Should().Equal("a", "--b");
        _stdout.ToString().Should().Be("ran");
    }

    [Test]
    public void A_bug_in_a_command_ends_with_exit_code_3_and_a_message_not_a_crash()
    {
        Command[] commands = [new("boom", "test", (_, _, _, _) => throw new InvalidOperationException("deliberate"))];

        var exitCode = Program.Run(["boom"], _stdout, _stderr, commands);

        exitCode.Should().Be(3);
        _stderr.ToString().Should().StartWith(
            "htma: internal error in 'boom' (this is a bug in htma, not a problem with the input): System.InvalidOperationException: deliberate");
    }

    [Test]
    public void Every_registered_command_has_a_unique_lower_case_name_and_a_summary()
    {
        Program.Commands.Select(c => c.Name).Should().OnlyHaveUniqueItems().And.Contain("show");
        Program.Commands.Should().AllSatisfy(c =>
        {
            c.Name.Should().MatchRegex("^[a-z][a-z-]*$");
            c.Summary.Should().NotBeNullOrWhiteSpace();
        });
    }

    [TestCase("interpret")]
    [TestCase("compare")]
    [TestCase("batch")]
    public void The_lab_and_model_help_lists_the_ids_of_the_embedded_definitions(string command)
    {
        var definitions = HtmaInterpreter.Definitions.HtmaDefinitions.LoadDefault().Value!;

        Program.Run([command, "--help"], _stdout, _stderr).Should().Be(0);

        var help = _stdout.ToString();
        help.Should().Contain($"lab ({string.Join(", ", definitions.Labs.Select(l => l.Id))})")
            .And.Contain("oxidation model (eck-wilson, ca-k-na-k, tei-ca-p); default eck-wilson");
        definitions.Labs.Select(l => l.Id).Should().Equal("arl", "doctors-data", "tei");
    }
}
