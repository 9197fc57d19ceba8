using HtmaInterpreter.Cli;

namespace HtmaInterpreter.Tests.Cli;

/// <summary>
/// Runs <c>htma</c> commands in-process: standard output and error go to <see cref="Stdout"/> and <see cref="Stderr"/>,
/// files to a temporary <see cref="Folder"/> removed after each test.
/// </summary>
public abstract class CommandTestBase
{
    protected StringWriter Stdout { get; private set; } = null!;

    protected StringWriter Stderr { get; private set; } = null!;

    protected string Folder { get; private set; } = "";

    /// <summary>The test hooks of every run of the test (a fixture may set them, e.g. the batch fast path off).</summary>
    private protected RunSettings Settings { get; set; } = RunSettings.Default;

    [SetUp]
    public void CreateWritersAndFolder()
    {
        Stdout = new StringWriter { NewLine = "\n" };
        Stderr = new StringWriter { NewLine = "\n" };
        Folder = Path.Combine(Path.GetTempPath(), "htma-cli-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    [TearDown]
    public void DisposeWritersAndFolder()
    {
        Stdout.Dispose();
        Stderr.Dispose();
        Directory.Delete(Folder, recursive: true);
    }

    /// <summary>Runs <c>htma</c> with the arguments and gives its exit code.</summary>
    protected int Run(params string[] args) => Program.Run(args, Stdout, Stderr, settings: Settings);

    /// <summary>Runs <c>htma</c> with <paramref name="input"/> (UTF-8) as its standard input.</summary>
    protected int RunWithInput(string input, params string[] args)
    {
        using var stdin = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(input));
        return Program.Run(args, Stdout, Stderr, stdin, Settings);
    }

    /// <summary>Writes a file into <see cref="Folder"/> and gives its path.</summary>
    protected string Write(string name, string text)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
