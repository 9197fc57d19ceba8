using System.Globalization;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Labs;
using HtmaInterpreter.Oxidation;
using HtmaInterpreter.Panels;
using HtmaInterpreter.Ratios;
using HtmaInterpreter.Yaml;
using YamlDotNet.RepresentationModel;

namespace HtmaInterpreter.Definitions;

/// <summary>Builds <see cref="HtmaDefinitions"/> from <c>ratios.yaml</c>, <c>labs/*.yaml</c> and <c>oxidation.yaml</c> (never <c>rules/</c>).</summary>
internal sealed partial class DefinitionsLoader
{
    internal const string RatiosFile = "ratios.yaml";
    internal const string OxidationFile = "oxidation.yaml";
    internal const string LabsFolder = "labs/";

    private readonly List<Diagnostic> _diagnostics = [];
    private readonly List<IdealTradition> _traditions = [];
    private readonly List<RatioDefinition> _ratios = [];
    private readonly List<LabProfile> _labs = [];
    private readonly List<OxidationModel> _models = [];
    private readonly Dictionary<string, string> _labNames = new(StringComparer.OrdinalIgnoreCase);

    // Ids of labs and models that were found but had errors: a reference to them is not reported again.
    private readonly HashSet<string> _brokenIds = new(StringComparer.Ordinal);

    /// <summary>Loads the files. Files under <c>rules/</c> and anything not named above are ignored.</summary>
    /// <param name="files">The files.</param>
    /// <returns>The definitions, partial when there are errors, or no value when the defaults cannot be resolved.</returns>
    public static ParseResult<HtmaDefinitions> Load(IReadOnlyList<DefinitionsFile> files) => new DefinitionsLoader().Run(files);

    /// <summary>The names of the ratios a <c>ratios.yaml</c> defines, in file order (its problems are left to <see cref="Load"/>).</summary>
    public static IReadOnlyList<string> RatioNames(DefinitionsFile ratiosFile)
    {
        // Only the names: reading every band and ideal would delay the rules that wait for this list.
        var loader = new DefinitionsLoader();
        if (loader.ReadRoot(ratiosFile, RatiosFile) is not { } root)
        {
            return [];
        }

        return [.. root.Sequence("ratios")
            .Select(item => item is YamlMappingNode ratio ? new YamlMap(root.Reader, ratio, "ratio").Text("name", required: false) : null)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)];
    }

    private ParseResult<HtmaDefinitions> Run(IReadOnlyList<DefinitionsFile> files)
    {
        string? defaultLab = null;
        string? defaultModel = null;
        YamlNode? defaultLabNode = null;
        YamlNode? defaultModelNode = null;

        var ratiosFile = files.FirstOrDefault(f => f.RelativePath == RatiosFile);
        var ratiosRoot = ReadRoot(ratiosFile, RatiosFile);
        if (ratiosRoot is not null)
        {
            (defaultLab, defaultLabNode) = LoadRatios(ratiosRoot);
        }

        foreach (var file in files.Where(f => f.RelativePath.StartsWith(LabsFolder, StringComparison.Ordinal)
                                              && !f.RelativePath[LabsFolder.Length..].Contains('/', StringComparison.Ordinal))
                                  .OrderBy(f => f.RelativePath, StringComparer.Ordinal))
        {
            if (ReadRoot(file, file.RelativePath) is { } labRoot)
            {
                LoadLab(labRoot);
            }
        }

        var oxidationFile = files.FirstOrDefault(f => f.RelativePath == OxidationFile);
        var oxidationRoot = ReadRoot(oxidationFile, OxidationFile);
        if (oxidationRoot is not null)
        {
            (defaultModel, defaultModelNode) = LoadOxidation(oxidationRoot);
        }

        var lab = defaultLab is null ? null : _labs.FirstOrDefault(l => string.Equals(l.Id, defaultLab, StringComparison.Ordinal));
        if (defaultLab is not null && lab is null && defaultLabNode is not null && !_brokenIds.Contains(defaultLab))
        {
            ratiosRoot!.Reader.Error(DiagnosticCodes.DefinitionsUnknownReference, $"default_lab '{defaultLab}' is not the id of any lab profile under labs/.", defaultLabNode, "default_lab");
        }

        var model = defaultModel is null ? null : _models.FirstOrDefault(m => string.Equals(m.Id, defaultModel, StringComparison.Ordinal));
        if (defaultModel is not null && model is null && defaultModelNode is not null && !_brokenIds.Contains(defaultModel))
        {
            oxidationRoot!.Reader.Error(DiagnosticCodes.DefinitionsUnknownReference, $"default_model '{defaultModel}' is not the id of any model in oxidation.yaml.", defaultModelNode, "default_model");
        }

        if (lab is null || model is null)
        {
            return ParseResult.Failed<HtmaDefinitions>(_diagnostics);
        }

        return new ParseResult<HtmaDefinitions>(new HtmaDefinitions(_traditions, _ratios, _labs, _models, lab, model), _diagnostics);
    }

    private YamlMap? ReadRoot(DefinitionsFile? file, string expected)
    {
        if (file?.Problem is { } problem)
        {
            _diagnostics.Add(problem);
            return null;
        }

        if (file is null || file.Text is null)
        {
            _diagnostics.Add(Diagnostic.Error(DiagnosticCodes.DefinitionsFileNotFound, $"The definitions file '{expected}' is missing or cannot be read.", new SourceLocation(file?.DisplayName ?? expected)));
            return null;
        }

        _diagnostics.AddRange(file.Warnings);
        var reader = new YamlReader(file.DisplayName, _diagnostics);
        return reader.Parse(file.Text) is { } root ? reader.Map(root, "file", RootKeys(expected)) : null;
    }

    private static string[] RootKeys(string relativePath) => relativePath switch
    {
        RatiosFile => ["default_lab", "traditions", "ratios"],
        OxidationFile => ["default_model", "models"],
        _ => ["id", "name", "aliases", "reporting_unit", "treatment", "ideal_tradition", "grades_against_ideals", "source", "element_ideals", "reference_ranges", "toxic_limits", "caveats"],
    };
}
