using System.Text;
using HtmaInterpreter.Cli.Commands;
using HtmaInterpreter.Diagnostics;

namespace HtmaInterpreter.Cli.Output;

/// <summary>Where the diagnostics of a report (<c>interpret</c>, <c>compare</c>) are shown, the same for every format.</summary>
internal static class ReportOutput
{
    /// <summary>
    /// True when the report goes to the terminal, where its diagnostics are seen in it. Otherwise (a file, a pipe, a
    /// test's writer) they are printed to standard error as well, so that they are never hidden in a JSON document or
    /// a file.
    /// </summary>
    internal static bool GoesToTerminal(TextWriter stdout, OutputFile? output) =>
        output is null && ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected;

    /// <summary>
    /// Prints the errors and warnings among <paramref name="diagnostics"/> to standard error, one
    /// <c>file:line:column: severity CODE: message</c> per line. Remarks (info) stay in the report only.
    /// </summary>
    internal static void EchoDiagnostics(TextWriter stderr, IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics.Where(d => d.Severity != DiagnosticSeverity.Info))
        {
            stderr.WriteLine(diagnostic);
        }
    }

    /// <summary>
    /// Writes a report to its output file, moved into place when complete (a write error is reported as HTMA0701), or to
    /// standard output.
    /// </summary>
    /// <returns><see cref="ExitCodes.Success"/>, or <see cref="ExitCodes.InputError"/> when the file cannot be written.</returns>
    internal static int Write(string report, TextWriter stdout, OutputFile? output, TextWriter stderr)
    {
        if (output is null)
        {
            stdout.Write(report);
            return ExitCodes.Success;
        }

        return output.WriteAndCommit(stream => stream.Write(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(report)), stderr);
    }
}
