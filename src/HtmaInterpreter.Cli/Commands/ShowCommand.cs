using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Panels;

namespace HtmaInterpreter.Cli.Commands;

/// <summary><c>htma show FILE</c>: reads a panel file and prints every panel in canonical units, then the diagnostics.</summary>
internal static class ShowCommand
{
    internal static string Usage =>
        $"""
        usage: htma show FILE [--input-format {PanelInput.Choices}]

        Reads FILE (CSV long or wide, YAML, JSON or a FHIR R4 bundle; see README.md) and prints, for each panel, its
        metadata and a table of the elements in mg% with the value as the lab reported it, then every diagnostic.
        FILE '-' reads standard input (diagnostics call it {PanelInput.StandardInputName}).

          --input-format F    read FILE as {PanelInput.Choices.Replace("|", ", ", StringComparison.Ordinal)} instead of telling the format
                              from its name and content (a JSON object with "resourceType" is FHIR)

        Exit codes: 0 read without errors (warnings allowed), 1 the input has errors, 2 usage error.
        """;

    /// <summary>Creates the command.</summary>
    internal static HtmaCommand Create(CommandEnvironment environment)
    {
        var command = new HtmaCommand("show", "Print the panels read from a file, in canonical units (mg%), with diagnostics.", () => Usage);
        var file = CommandOptions.FileArgument(command);
        var inputFormat = CommandOptions.InputFormatOption();
        command.Arguments.Add(file);
        command.Options.Add(inputFormat);
        command.SetAction(parse =>
        {
            var read = PanelInput.Read(parse.GetValue(file)!, parse.GetValue(inputFormat) ?? InputFormat.Auto, environment.Stdin);
            return Show(read, environment.Stdout);
        });
        return command;
    }

    /// <summary>Prints what was read and gives the exit code: 1 when nothing was read or it has errors.</summary>
    /// <param name="result">What the reader returned.</param>
    /// <param name="stdout">Where the panels and diagnostics go.</param>
    /// <returns>The exit code, see <see cref="ExitCodes"/>.</returns>
    internal static int Show(ParseResult<IReadOnlyList<Panel>> result, TextWriter stdout)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(stdout);
        PanelPrinter.Print(result, stdout);
        return result.Value is null || result.HasErrors ? ExitCodes.InputError : ExitCodes.Success;
    }
}
