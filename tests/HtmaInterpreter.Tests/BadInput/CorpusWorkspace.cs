using System.Text.RegularExpressions;

namespace HtmaInterpreter.Tests.BadInput;

/// <summary>
/// A temporary folder for one corpus case, and its command line with the placeholders filled in:
/// <c>{file}</c> the input (a corpus file, or one generated here); <c>{rules}</c> a rule folder holding only the input;
/// <c>{defs:PATH}</c> a copy of <c>ratios/</c> (with its rules) whose PATH is the input; <c>{sample:NAME}</c> a file of
/// <c>samples/</c>; <c>{tmp}</c> this folder (empty unless the case puts something in it); <c>{tmpdir:NAME}</c> a folder
/// made here; <c>{devfull:NAME}</c> a link to <c>/dev/full</c>; <c>""</c> an empty argument.
/// </summary>
public sealed partial class CorpusWorkspace : IDisposable
{
    private readonly CorpusCase _case;
    private string? _input;

    public CorpusWorkspace(CorpusCase corpusCase)
    {
        _case = corpusCase;
        Folder = Path.Combine(Path.GetTempPath(), "htma-corpus-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    /// <summary>Files the command line names as its output (<c>--out</c>), read after the run.</summary>
    public List<string> Outputs { get; } = [];

    public static string CorpusFolder => Path.Combine(TestPaths.RepositoryRoot(), "tests", "BadInput");

    /// <summary>The command line, split at spaces, with every placeholder replaced.</summary>
    public string[] Arguments()
    {
        var arguments = _case.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(a => a == "\"\"" ? "" : Placeholder().Replace(a, m => Resolve(m.Groups["name"].Value, m.Groups["arg"].Value)))
            .ToArray();
        for (var i = 0; i + 1 < arguments.Length; i++)
        {
            if (arguments[i] == "--out" && arguments[i + 1].Length > 0)
            {
                Outputs.Add(arguments[i + 1]);
            }
        }

        return arguments;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private string Resolve(string name, string argument) => name switch
    {
        "file" => Input(),
        "rules" => RuleFolder(),
        "defs" => DefinitionsFolder(argument),
        "sample" => TestPaths.Sample(argument),
        "tmp" => Folder,
        "tmpdir" => Directory.CreateDirectory(Path.Combine(Folder, argument)).FullName,
        "devfull" => DevFull(argument),
        _ => throw new FormatException($"unknown placeholder '{name}' in '{_case.Arguments}'"),
    };

    /// <summary>The input's path: the corpus file, or the generated file written into this folder.</summary>
    private string Input()
    {
        if (_input is not null)
        {
            return _input;
        }

        if (_case.Input.StartsWith("gen:", StringComparison.Ordinal))
        {
            var (fileName, content) = CorpusGenerator.Generate(_case.Input);
            var folder = Directory.CreateDirectory(Path.Combine(Folder, "input")).FullName;
            _input = Path.Combine(folder, fileName);
            File.WriteAllBytes(_input, content);
        }
        else
        {
            _input = Path.Combine(CorpusFolder, _case.Input.Replace('/', Path.DirectorySeparatorChar));
        }

        return _input;
    }

    private string RuleFolder()
    {
        var folder = Directory.CreateDirectory(Path.Combine(Folder, "rules")).FullName;
        var input = Input();
        var name = Path.GetFileName(input);
        File.Copy(input, Path.Combine(folder, name.EndsWith(".yaml", StringComparison.Ordinal) || name.EndsWith(".yml", StringComparison.Ordinal) ? name : name + ".yaml"));
        return folder;
    }

    private string DefinitionsFolder(string replaced)
    {
        var folder = Path.Combine(Folder, "definitions");
        var ratios = TestPaths.Ratios;
        foreach (var file in Directory.EnumerateFiles(ratios, "*.yaml", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder, Path.GetRelativePath(ratios, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        File.Copy(Input(), Path.Combine(folder, replaced.Replace('/', Path.DirectorySeparatorChar)), overwrite: true);
        return folder;
    }

    private string DevFull(string name)
    {
        if (!File.Exists("/dev/full"))
        {
            Assert.Ignore("/dev/full does not exist on this system.");
        }

        var link = Path.Combine(Folder, name);
        File.CreateSymbolicLink(link, "/dev/full");
        return link;
    }

    [GeneratedRegex(@"\{(?<name>[a-z]+)(?::(?<arg>[^}]*))?\}")]
    private static partial Regex Placeholder();
}
