using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using FluentAssertions.Execution;
using HtmaInterpreter.Fuzz;

namespace HtmaInterpreter.Tests.BadInput;

/// <summary>
/// The bad-input corpus (<c>tests/BadInput/</c>, one case per line of <c>manifest.tsv</c>): every case through the CLI
/// (exit code, diagnostic codes, never exit 3 or a stack trace) and through the library (diagnostics, never an
/// exception, never a result without a value and without an error). Cases flagged <c>isolate</c> run in a child
/// process, since until their limit is in place they may overflow the stack, which no catch can stop.
/// </summary>
[Category("BadInputCorpus")]
public partial class BadInputCorpusTests
{
    private static readonly TimeSpan ChildTimeout = TimeSpan.FromMinutes(2);

    public static IEnumerable<TestCaseData> CliCases() =>
        CorpusCase.Load().Select(c => new TestCaseData(c).SetArgDisplayNames(c.Name));

    public static IEnumerable<TestCaseData> LibraryCases() =>
        CorpusCase.Load().Where(c => !c.Has("cli-only")).Select(c => new TestCaseData(c).SetArgDisplayNames(c.Name));

    [TestCaseSource(nameof(CliCases))]
    public void Cli(CorpusCase corpusCase)
    {
        using var workspace = new CorpusWorkspace(corpusCase);
        var arguments = workspace.Arguments();
        var (exitCode, stdout, stderr) = corpusCase.Isolated ? RunChild("htma.dll", arguments) : RunInProcess(arguments);
        var outputs = string.Concat(workspace.Outputs.Where(IsRegularFile).Select(File.ReadAllText));
        var everything = stdout + stderr + outputs;
        var shown = $"htma {string.Join(' ', arguments)}\n--- exit {exitCode}; stderr:\n{Head(stderr)}\n--- stdout:\n{Head(stdout)}";
        RecordActual(corpusCase, exitCode, everything);

        using (new AssertionScope(corpusCase.Name + (corpusCase.Note.Length > 0 ? $" ({corpusCase.Note})" : "")))
        {
            exitCode.Should().NotBe(3, "an internal error is a bug, never the input's fault\n" + shown);
            StackFrame().IsMatch(everything).Should().BeFalse("no stack trace may reach the user\n" + shown);
            stderr.Should().NotContain("Exception", "no exception may reach the user\n" + shown);
            exitCode.Should().Be(corpusCase.ExitCode, shown);
            foreach (var code in corpusCase.Expected)
            {
                everything.Should().Contain(code, "the diagnostic must be shown (stderr, stdout or the JSON document)\n" + shown);
            }

            foreach (var code in corpusCase.Forbidden)
            {
                everything.Should().NotContain(code, shown);
            }

            if (corpusCase.ExitCode == 1)
            {
                AnyCode().IsMatch(everything).Should().BeTrue("an input error is always shown as a located diagnostic\n" + shown);
            }

            if (corpusCase.Has("no-control"))
            {
                ControlCharacter().IsMatch(everything).Should().BeFalse("no control character of the input may reach the terminal or a report\n" + shown);
            }

            if (corpusCase.Has("no-formula"))
            {
                FormulaCell().IsMatch(stdout).Should().BeFalse("a sample id starting with = + or @ must not become a spreadsheet formula\n" + shown);
            }
        }
    }

    [TestCaseSource(nameof(LibraryCases))]
    public void Library(CorpusCase corpusCase)
    {
        using var workspace = new CorpusWorkspace(corpusCase);
        var arguments = workspace.Arguments();
        var (codes, problems, exception) = corpusCase.Isolated ? RunLibraryInChild(arguments) : RunLibraryInProcess(arguments);

        using (new AssertionScope(corpusCase.Name + (corpusCase.Note.Length > 0 ? $" ({corpusCase.Note})" : "")))
        {
            exception.Should().BeNull("no public method may throw on input content");
            problems.Should().BeEmpty("every outcome is a value or an error saying why");
            foreach (var code in corpusCase.Expected.Where(c => !c.StartsWith("HTMA07", StringComparison.Ordinal)))
            {
                codes.Should().Contain(code);
            }

            foreach (var code in corpusCase.Forbidden)
            {
                codes.Should().NotContain(code);
            }

            if (corpusCase.ExitCode == 1)
            {
                codes.Should().NotBeEmpty("the library returns diagnostics for every bad input");
            }
        }
    }

    /// <summary>
    /// With <c>HTMA_CORPUS_ACTUAL=FILE</c>, appends each case's actual exit code and the codes it showed to FILE
    /// (tab-separated), to bring the manifest's expectations up to date after a fix.
    /// </summary>
    private static void RecordActual(CorpusCase corpusCase, int exitCode, string everything)
    {
        if (Environment.GetEnvironmentVariable("HTMA_CORPUS_ACTUAL") is { Length: > 0 } file)
        {
            var codes = AnyCode().Matches(everything).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal);
            File.AppendAllText(file, $"{corpusCase.Name}\t{exitCode}\t{string.Join(',', codes)}\n");
        }
    }

    private static (int ExitCode, string Stdout, string Stderr) RunInProcess(string[] arguments)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        var exitCode = HtmaInterpreter.Cli.Program.Run(arguments, stdout, stderr);
        return (exitCode, stdout.ToString(), stderr.ToString());
    }

    private static (List<string> Codes, List<string> Problems, string? Exception) RunLibraryInProcess(string[] arguments)
    {
        try
        {
            var outcome = CommandLineLibrary.Run(arguments);
            return ([.. outcome.Diagnostics.Select(d => d.Code)], outcome.Problems, null);
        }
#pragma warning disable CA1031 // Whatever escapes is the failure reported.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return ([], [], $"{exception.GetType().FullName} {Finding.TopFrame(exception)}: {exception.Message}");
        }
    }

    private static (List<string> Codes, List<string> Problems, string? Exception) RunLibraryInChild(string[] arguments)
    {
        var (exitCode, stdout, stderr) = RunChild("HtmaInterpreter.Fuzz.dll", ["library", "--", .. arguments]);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var codes = lines.Where(l => l.StartsWith("DIAGNOSTIC ", StringComparison.Ordinal)).Select(l => l.Split(' ')[1]).ToList();
        var problems = lines.Where(l => l.StartsWith("PROBLEM ", StringComparison.Ordinal)).ToList();
        var exception = exitCode == 0 ? null : $"exit {exitCode}: {Head(string.Join('\n', lines.Where(l => l.StartsWith("EXCEPTION", StringComparison.Ordinal))) + stderr)}";
        return (codes, problems, exception);
    }

    /// <summary>Runs an assembly of the test's output folder with <c>dotnet</c>, stopped after <see cref="ChildTimeout"/>.</summary>
    private static (int ExitCode, string Stdout, string Stderr) RunChild(string assembly, string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, assembly));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_DbgEnableMiniDump"] = "0";
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(ChildTimeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return (-1, stdout.Result, $"(stopped after {ChildTimeout.TotalSeconds:0} s)\n" + stderr.Result);
        }

        process.WaitForExit();
        var error = stderr.Result;
        if (process.ExitCode is 134 or 139 || error.Contains("Stack overflow", StringComparison.Ordinal))
        {
            error = $"(the process crashed, exit {process.ExitCode})\n" + error;
        }

        return (process.ExitCode, stdout.Result, error);
    }

    private static bool IsRegularFile(string path)
    {
        var file = new FileInfo(path);
        return file.Exists && file.LinkTarget is null && file.Length < 64 * 1024 * 1024;
    }

    private static string Head(string text) => text.Length <= 3000 ? text : text[..3000] + $"\n... ({text.Length:N0} characters)";

    [GeneratedRegex(@"^\s+at \S+", RegexOptions.Multiline)]
    private static partial Regex StackFrame();

    [GeneratedRegex(@"HTMA0\d{3}")]
    private static partial Regex AnyCode();

    [GeneratedRegex(@"[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]")]
    private static partial Regex ControlCharacter();

    [GeneratedRegex(@"(^|,)""?[=+@]", RegexOptions.Multiline)]
    private static partial Regex FormulaCell();
}
