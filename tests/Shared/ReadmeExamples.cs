using System.Text.RegularExpressions;

namespace HtmaInterpreter.Testing;

/// <summary>
/// What the tests that keep README.md's examples honest share (linked into each test project that runs one): running
/// an example in a folder while capturing what it prints, finding the README's C# blocks, and comparing a block with
/// the code a test runs.
/// </summary>
internal static partial class ReadmeExamples
{
    /// <summary>Runs an example with <paramref name="folder"/> as the current directory and returns what it printed.</summary>
    public static async Task<string> RunInAsync(string folder, Func<Task> example)
    {
        var previousDirectory = Environment.CurrentDirectory;
        var previousOut = Console.Out;
        using var printed = new StringWriter();
        try
        {
            Environment.CurrentDirectory = folder;
            Console.SetOut(printed);
            await example();
        }
        finally
        {
            Console.SetOut(previousOut);
            Environment.CurrentDirectory = previousDirectory;
        }

        return printed.ToString();
    }

    /// <summary>Runs a synchronous example like <see cref="RunInAsync"/>.</summary>
    public static string RunIn(string folder, Action example) =>
        RunInAsync(folder, () =>
        {
            example();
            return Task.CompletedTask;
        }).GetAwaiter().GetResult();

    /// <summary>The code of every <c>```csharp</c> block of a Markdown text, in order.</summary>
    public static IEnumerable<string> CsharpBlocks(string markdown) =>
        CsharpBlock().Matches(markdown.ReplaceLineEndings("\n")).Select(m => m.Groups["code"].Value);

    /// <summary>The source lines between the lines <c>// {marker} start</c> and <c>// {marker} end</c> of a file.</summary>
    public static string MarkedCode(string sourceFile, string marker)
    {
        var source = File.ReadAllText(sourceFile).ReplaceLineEndings("\n");
        var start = source.IndexOf($"// {marker} start", StringComparison.Ordinal);
        var end = source.IndexOf($"// {marker} end", StringComparison.Ordinal);
        if (start < 0 || end < start)
        {
            throw new InvalidOperationException($"{sourceFile} has no '// {marker} start' ... '// {marker} end' lines.");
        }

        return source[(source.IndexOf('\n', start) + 1)..source.LastIndexOf('\n', end)];
    }

    /// <summary>The lines of some code without usings, blank lines and indentation: what a README block and a test's copy must share.</summary>
    public static List<string> Code(string text) => text.Split('\n')
        .Select(line => line.Trim())
        .Where(line => line.Length > 0 && !line.StartsWith("using ", StringComparison.Ordinal))
        .ToList();

    [GeneratedRegex("```csharp\\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CsharpBlock();
}
