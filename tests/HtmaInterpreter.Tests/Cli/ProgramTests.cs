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
    public void Unknown_command_is_a_usage_error_naming_it_and_suggesting_the_nearest()
    {
        var exitCode = Program.Run(["interprett", "a.csv"], _stdout, _stderr);

        exitCode.Should().Be(2);
        _stdout.ToString().Should().BeEmpty();
        _stderr.ToString().Should().Contain("htma: Unrecognized command or argument 'interprett'.\n")
            .And.Contain("'interprett' was not matched. Did you mean one of the following?\ninterpret\n")
            .And.Contain("usage: htma COMMAND [ARGS]");
    }

    [Test]
    public void Unknown_option_is_a_usage_error_naming_it()
    {
        Program.Run(["--verbose"], _stdout, _stderr).Should().Be(2);
        _stdout.ToString().Should().BeEmpty();
        _stderr.ToString().Should().StartWith("htma: Unrecognized command or argument '--verbose'.");
    }

    [Test]
    public void A_misspelled_option_of_a_command_is_a_usage_error_with_did_you_mean_on_stderr_only()
    {
        var exitCode = Program.Run(["interpret", TestPaths.Sample("slow-oxidizer.csv"), "--modle", "eck-wilson"], _stdout, _stderr);

        exitCode.Should().Be(2);
        _stdout.ToString().Should().BeEmpty();
        _stderr.ToString().Should().StartWith("htma interpret: Unrecognized command or argument '--modle'.\n")
            .And.Contain("'--modle' was not matched. Did you mean one of the following?\n--model\n")
            .And.EndWith("Run 'htma interpret --help' for its usage.\n");
    }

    [Test]
    public void A_misspelled_option_in_the_place_of_a_file_is_not_read_as_a_file_name()
    {
        Program.Run(["batch", "--hepl"], _stdout, _stderr).Should().Be(2);

        _stdout.ToString().Should().BeEmpty();
        _stderr.ToString().Should().Be(
            "htma batch: Unrecognized command or argument '--hepl'.\n'--hepl' was not matched. Did you mean one of the following?\n--help\nRun 'htma batch --help' for its usage.\n");
    }

    [TestCase("--help")]
    [TestCase("-h")]
    [TestCase("-?")]
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
              interpret  Interpret the panels of a file: ratios, oxidation type and findings (text, JSON, Markdown, HTML or FHIR).
              compare    Compare two or more tests of one person: changes toward/away from the ideal, trends, retest findings.
              batch      Interpret a wide CSV of many panels on all cores: one result row per panel, cohort statistics.
              rules      List the rules, or check a rule folder for errors (with file, line and column).

            Run 'htma COMMAND --help' (or -h, -?) for a command's options.
            A FILE argument of '-' reads standard input. '@FILE' reads further arguments from FILE (a response file).
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
    public void Dispatches_to_the_named_command_with_its_arguments()
    {
        IReadOnlyList<string>? received = null;
        var settings = new RunSettings
        {
            ExtraCommands =
            [
                environment =>
                {
                    var command = new HtmaCommand("echo", "test", () => "usage: htma echo");
                    var words = new System.CommandLine.Argument<string[]>("WORDS");
                    command.Arguments.Add(words);
                    command.SetAction(parse =>
                    {
                        received = parse.GetValue(words);
                        environment.Stdout.Write("ran");
                        return 0;
                    });
                    return command;
                },
            ],
        };

        var exitCode = Program.Run(["echo", "a", "--", "--b"], _stdout, _stderr, settings: settings);

        exitCode.Should().Be(0);
        received.Should().Equal("a", "--b");
        _stdout.ToString().Should().Be("ran");
    }

    [Test]
    public void A_bug_in_a_command_ends_with_exit_code_3_and_a_message_not_a_crash()
    {
        var settings = new RunSettings
        {
            ExtraCommands =
            [
                _ =>
                {
                    var command = new HtmaCommand("boom", "test", () => "usage: htma boom");
                    command.SetAction((Func<System.CommandLine.ParseResult, int>)(_ => throw new InvalidOperationException("deliberate")));
                    return command;
                },
            ],
        };

        var exitCode = Program.Run(["boom"], _stdout, _stderr, settings: settings);

        exitCode.Should().Be(3);
        _stderr.ToString().Should().StartWith(
            "htma: internal error in 'boom' (this is a bug in htma, not a problem with the input): System.InvalidOperationException: deliberate");
    }

    [Test]
    public void Every_registered_command_has_a_unique_lower_case_name_a_summary_and_a_usage_naming_each_of_its_options()
    {
        using var interruption = new HtmaInterpreter.Cli.Output.Interruption(_stderr, _ => { }, Timeout.InfiniteTimeSpan);
        var environment = new CommandEnvironment(_stdout, _stderr, Stream.Null, interruption, RunSettings.Default);
        var commands = CommandLine.Commands.Select(create => create(environment)).ToList();

        commands.Select(c => c.Name).Should().OnlyHaveUniqueItems().And.Equal("show", "interpret", "compare", "batch", "rules");
        commands.Should().AllSatisfy(c =>
        {
            c.Name.Should().MatchRegex("^[a-z][a-z-]*$");
            c.Description.Should().NotBeNullOrWhiteSpace();
            c.Usage.Should().StartWith($"usage: htma {c.Name} ");
            foreach (var option in c.Options.Where(o => o.Name.StartsWith("--", StringComparison.Ordinal) && o.Name != "--help"))
            {
                c.Usage.Should().Contain($"[{option.Name}", $"the synopsis of {c.Name} names {option.Name}")
                    .And.Contain($"\n  {option.Name} ", $"the usage of {c.Name} explains {option.Name}");
            }
        });
    }

    [TestCase("show", "usage: htma show FILE")]
    [TestCase("interpret", "usage: htma interpret FILE")]
    [TestCase("compare", "usage: htma compare OLD NEW")]
    [TestCase("batch", "usage: htma batch FILE")]
    [TestCase("rules", "usage: htma rules list [DIR]")]
    public void Each_command_prints_its_own_usage_for_every_help_option(string command, string start)
    {
        foreach (var help in new[] { "--help", "-h", "-?" })
        {
            _stdout.GetStringBuilder().Clear();
            Program.Run([command, help], _stdout, _stderr).Should().Be(0);
            _stdout.ToString().Should().StartWith(start).And.Contain("Exit codes: 0 ");
        }

        _stderr.ToString().Should().BeEmpty();
    }

    [Test]
    public void A_response_file_gives_the_arguments_one_per_line()
    {
        var folder = Directory.CreateTempSubdirectory("htma-rsp-").FullName;
        try
        {
            var responseFile = Path.Combine(folder, "args.rsp");
            File.WriteAllLines(responseFile, ["interpret", TestPaths.Sample("slow-oxidizer.csv"), "--format", "json"]);

            Program.Run(["@" + responseFile], _stdout, _stderr).Should().Be(0, _stderr.ToString());

            System.Text.Json.JsonDocument.Parse(_stdout.ToString()).RootElement.GetProperty("oxidation").GetProperty("type").GetString().Should().Be("slow");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void A_missing_response_file_is_a_usage_error()
    {
        Program.Run(["@/no/such/args.rsp"], _stdout, _stderr).Should().Be(2);
        _stdout.ToString().Should().BeEmpty();
        _stderr.ToString().Should().Contain("/no/such/args.rsp");
    }

    [Test]
    public void The_suggest_directive_completes_commands_options_and_their_values()
    {
        Program.Run(["[suggest:5]", "inter"], _stdout, _stderr).Should().Be(0);
        _stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal("interpret");

        _stdout.GetStringBuilder().Clear();
        Program.Run(["[suggest:25]", "interpret x.csv --format "], _stdout, _stderr).Should().Be(0);
        _stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().BeEquivalentTo("text", "json", "markdown", "html", "fhir");

        _stdout.GetStringBuilder().Clear();
        Program.Run(["[suggest:18]", "batch x.csv --lab "], _stdout, _stderr).Should().Be(0);
        _stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().BeEquivalentTo("arl", "doctors-data", "tei");
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
