using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Labs;
using HtmaInterpreter.Oxidation;
using HtmaInterpreter.Ratios;
using HtmaInterpreter.Readers;

namespace HtmaInterpreter.Definitions;

/// <summary>
/// The ratio definitions, lab profiles and oxidation models, loaded from the YAML under <c>ratios/</c>
/// (<c>ratios.yaml</c>, <c>labs/*.yaml</c>, <c>oxidation.yaml</c>; never <c>rules/</c>). Immutable and safe to share.
/// </summary>
public sealed class HtmaDefinitions
{
    private const string ResourcePrefix = "HtmaInterpreter.Defaults/";
    private const string EmbeddedFilePrefix = "embedded:";

    private static readonly Lazy<ParseResult<HtmaDefinitions>> Defaults = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    internal HtmaDefinitions(
        IReadOnlyList<IdealTradition> traditions,
        IReadOnlyList<RatioDefinition> ratios,
        IReadOnlyList<LabProfile> labs,
        IReadOnlyList<OxidationModel> models,
        LabProfile defaultLab,
        OxidationModel defaultModel)
    {
        Traditions = [.. traditions];
        Ratios = [.. ratios];
        Labs = [.. labs];
        OxidationModels = [.. models];
        DefaultLab = defaultLab;
        DefaultModel = defaultModel;
    }

    /// <summary>The traditions of ideal values, in file order.</summary>
    internal IReadOnlyList<IdealTradition> Traditions { get; }

    /// <summary>The ratios, in file order.</summary>
    internal IReadOnlyList<RatioDefinition> Ratios { get; }

    /// <summary>The lab profiles, ordered by file name.</summary>
    public IReadOnlyList<LabProfile> Labs { get; }

    /// <summary>The oxidation models, in file order.</summary>
    internal IReadOnlyList<OxidationModel> OxidationModels { get; }

    /// <summary>The lab profile used when a panel's lab is not named or not known (<c>default_lab</c> in <c>ratios.yaml</c>).</summary>
    public LabProfile DefaultLab { get; }

    /// <summary>The model used when the caller names none (<c>default_model</c> in <c>oxidation.yaml</c>).</summary>
    internal OxidationModel DefaultModel { get; }

    /// <summary>The ids of the oxidation models, in file order (e.g. <c>eck-wilson</c>): what <see cref="InterpreterOptions.ModelId"/> accepts.</summary>
    public IReadOnlyList<string> ModelIds => [.. OxidationModels.Select(m => m.Id)];

    /// <summary>The id of the model used when the caller names none (<c>default_model</c> in <c>oxidation.yaml</c>).</summary>
    public string DefaultModelId => DefaultModel.Id;

    /// <summary>The names of the ratios, in file order (e.g. <c>Ca/K</c>): every ratio an interpretation may report.</summary>
    public IReadOnlyList<string> RatioNames => [.. Ratios.Select(r => r.Name)];

    /// <summary>
    /// The definitions embedded in the assembly, loaded once on first use and shared by every caller.
    /// The shipped files are tested to load with no diagnostics.
    /// </summary>
    /// <returns>The result.</returns>
    public static ParseResult<HtmaDefinitions> LoadDefault() => Defaults.Value;

    /// <summary>Loads the definitions from a folder laid out like the repository's <c>ratios/</c> folder. Files under <c>rules/</c> are not read.</summary>
    /// <param name="path">The folder.</param>
    /// <returns>The definitions (partial when there are errors) and every diagnostic, with file, line and column.</returns>
    public static ParseResult<HtmaDefinitions> LoadFromDirectory(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!Directory.Exists(path))
        {
            return ParseResult.Failed<HtmaDefinitions>(
                [Diagnostic.Error(DiagnosticCodes.DefinitionsFileNotFound, "The definitions folder does not exist.", new SourceLocation(path))]);
        }

        var files = new List<DefinitionsFile>
        {
            ReadFile(path, DefinitionsLoader.RatiosFile),
            ReadFile(path, DefinitionsLoader.OxidationFile),
        };
        var labs = Path.Combine(path, "labs");
        if (Directory.Exists(labs))
        {
            files.AddRange(Directory.EnumerateFiles(labs, "*.yaml")
                .Select(f => ReadFile(path, DefinitionsLoader.LabsFolder + Path.GetFileName(f))));
        }

        return DefinitionsLoader.Load(files);
    }

    /// <summary>Finds a ratio by name, e.g. <c>Ca/K</c> (case-sensitive).</summary>
    /// <param name="name">The name.</param>
    /// <returns>The ratio, or <c>null</c>.</returns>
    internal RatioDefinition? FindRatio(string name) => Ratios.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.Ordinal));

    /// <summary>Finds a lab profile by id, e.g. <c>arl</c> (case-insensitive).</summary>
    /// <param name="id">The id.</param>
    /// <returns>The profile, or <c>null</c>.</returns>
    public LabProfile? FindLab(string id) => Labs.FirstOrDefault(l => string.Equals(l.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>Finds an oxidation model by id, e.g. <c>eck-wilson</c> (case-insensitive).</summary>
    /// <param name="id">The id.</param>
    /// <returns>The model, or <c>null</c>.</returns>
    internal OxidationModel? FindModel(string id) => OxidationModels.FirstOrDefault(m => string.Equals(m.Id, id, StringComparison.OrdinalIgnoreCase));

    private static DefinitionsFile ReadFile(string folder, string relativePath)
    {
        var fullPath = Path.Combine(folder, relativePath.Replace('/', Path.DirectorySeparatorChar));
        try
        {
            var read = new List<Diagnostic>(1);
            var text = DocumentText.ReadFile(fullPath, read);
            return text is null
                ? new DefinitionsFile(relativePath, fullPath, null) { Problem = read.FirstOrDefault() }
                : new DefinitionsFile(relativePath, fullPath, text) { Warnings = read };
        }
        catch (IOException)
        {
            return new DefinitionsFile(relativePath, fullPath, null);
        }
        catch (UnauthorizedAccessException)
        {
            return new DefinitionsFile(relativePath, fullPath, null);
        }
    }

    /// <summary>
    /// The names of the ratios of the embedded <c>ratios.yaml</c>, in file order, read from that file alone: what the
    /// embedded rules are checked against, known before the rest of the definitions has loaded.
    /// </summary>
    internal static IReadOnlyList<string> EmbeddedRatioNames()
    {
        var assembly = typeof(HtmaDefinitions).Assembly;
        using var stream = assembly.GetManifestResourceStream(ResourcePrefix + DefinitionsLoader.RatiosFile);
        if (stream is null)
        {
            return [];
        }

        using var reader = new StreamReader(stream);
        return DefinitionsLoader.RatioNames(new DefinitionsFile(
            DefinitionsLoader.RatiosFile, EmbeddedFilePrefix + DefinitionsLoader.RatiosFile, reader.ReadToEnd()));
    }

    private static ParseResult<HtmaDefinitions> LoadEmbedded()
    {
        var assembly = typeof(HtmaDefinitions).Assembly;
        var files = new List<DefinitionsFile>();
        foreach (var resource in assembly.GetManifestResourceNames().Order(StringComparer.Ordinal))
        {
            if (!resource.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            var relativePath = resource[ResourcePrefix.Length..].Replace('\\', '/');
            using var stream = assembly.GetManifestResourceStream(resource);
            if (stream is null)
            {
                continue;
            }

            using var reader = new StreamReader(stream);
            files.Add(new DefinitionsFile(relativePath, EmbeddedFilePrefix + relativePath, reader.ReadToEnd()));
        }

        return DefinitionsLoader.Load(files);
    }
}
