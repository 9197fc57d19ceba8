using System.Globalization;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Labs;
using HtmaInterpreter.Oxidation;
using HtmaInterpreter.Panels;
using HtmaInterpreter.Ratios;
using YamlDotNet.RepresentationModel;

namespace HtmaInterpreter.Definitions;

/// <summary>One definitions file to load: its path relative to the <c>ratios/</c> folder, the name shown in diagnostics and its text.</summary>
/// <param name="RelativePath">The path relative to <c>ratios/</c> with <c>/</c> separators, e.g. <c>labs/arl.yaml</c>.</param>
/// <param name="DisplayName">The file name shown in diagnostics.</param>
/// <param name="Text">The text, or <c>null</c> when it could not be read.</param>
internal sealed record DefinitionsFile(string RelativePath, string DisplayName, string? Text)
{
    /// <summary>Why <see cref="Text"/> is <c>null</c> when the reason is not that the file is missing or unreadable (e.g. it is too large).</summary>
    public Diagnostic? Problem { get; init; }

    /// <summary>What reading the text found that does not stop it being used (bytes that are not valid UTF-8).</summary>
    public IReadOnlyList<Diagnostic> Warnings { get; init; } = [];
}

/// <summary>Builds <see cref="HtmaDefinitions"/> from <c>ratios.yaml</c>, <c>labs/*.yaml</c> and <c>oxidation.yaml</c> (never <c>rules/</c>).</summary>
internal sealed class DefinitionsLoader
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

    // ---------------------------------------------------------------- ratios.yaml

    private (string? DefaultLab, YamlNode? Node) LoadRatios(YamlMap root)
    {
        var reader = root.Reader;
        var defaultLabNode = root.Get("default_lab", required: true);
        var defaultLab = defaultLabNode is null ? null : reader.Text(defaultLabNode, "default_lab");

        foreach (var item in root.Sequence("traditions"))
        {
            if (reader.Map(item, "tradition", "id", "name", "source") is not { } map)
            {
                continue;
            }

            var id = map.Text("id");
            var name = map.Text("name");
            var source = map.Text("source");
            if (id is null || name is null || source is null)
            {
                continue;
            }

            if (_traditions.Any(t => t.Id == id))
            {
                reader.Error(DiagnosticCodes.DefinitionsDuplicateId, $"The tradition id '{id}' is defined twice.", map.Get("id", false)!, "id");
                continue;
            }

            _traditions.Add(new IdealTradition(id, name, source));
        }

        foreach (var item in root.Sequence("ratios"))
        {
            if (reader.Map(item, "ratio", "name", "numerator", "denominator", "display_name", "indicates", "source", "ideals", "bands") is { } map
                && ReadRatio(map) is { } ratio)
            {
                if (_ratios.Any(r => r.Name == ratio.Name))
                {
                    reader.Error(DiagnosticCodes.DefinitionsDuplicateId, $"The ratio '{ratio.Name}' is defined twice.", map.Get("name", false)!, "name");
                    continue;
                }

                _ratios.Add(ratio);
            }
        }

        return (defaultLab, defaultLabNode);
    }

    private RatioDefinition? ReadRatio(YamlMap map)
    {
        var reader = map.Reader;
        var name = map.Text("name");
        var numerator = Element(map, "numerator");
        var denominator = Element(map, "denominator");
        var displayName = map.Text("display_name");
        var indicates = map.Text("indicates");
        var source = map.Text("source");

        if (name is not null && numerator is not null && denominator is not null && name != $"{numerator}/{denominator}")
        {
            reader.Error(DiagnosticCodes.DefinitionsInvalidValue, $"The ratio name '{name}' must be numerator/denominator, i.e. '{numerator}/{denominator}'.", map.Get("name", false)!, "name");
            name = null;
        }

        var ideals = new Dictionary<string, RatioIdeal>(StringComparer.Ordinal);
        if (map.Dictionary("ideals") is { } idealsMap)
        {
            foreach (var (key, value) in idealsMap.Entries())
            {
                if (!KnownTradition(reader, key) || reader.Map(value, $"{key.Value} ideal", "value", "low", "high", "note", "source") is not { } ideal)
                {
                    continue;
                }

                var idealValue = ToDouble(ideal.Number("value", false));
                var low = ToDouble(ideal.Number("low", false));
                var high = ToDouble(ideal.Number("high", false));
                var note = ideal.Text("note", false);
                var idealSource = ideal.Text("source");
                if (idealValue is null && low is null && high is null)
                {
                    reader.Error(DiagnosticCodes.DefinitionsMissingKey, $"The {key.Value} ideal needs a 'value', 'low' or 'high'.", value, "value");
                    continue;
                }

                if (new[] { idealValue, low, high }.Any(v => v is <= 0))
                {
                    reader.Error(DiagnosticCodes.DefinitionsInvalidValue, $"The {key.Value} ideal must be positive.", value);
                    continue;
                }

                if (idealSource is not null)
                {
                    ideals[key.Value!] = new RatioIdeal(idealValue, low, high, idealSource, note);
                }
            }
        }

        var bands = new Dictionary<string, IReadOnlyList<RatioBand>>(StringComparer.Ordinal);
        if (map.Dictionary("bands") is { } bandsMap)
        {
            foreach (var (key, value) in bandsMap.Entries())
            {
                if (!KnownTradition(reader, key))
                {
                    continue;
                }

                var list = new List<RatioBand>();
                foreach (var bandNode in reader.Sequence(value, key.Value!))
                {
                    if (reader.Map(bandNode, "band", "label", "when", "source") is not { } band)
                    {
                        continue;
                    }

                    var label = band.Text("label");
                    var condition = Condition(band, "when");
                    var bandSource = band.Text("source");
                    if (label is not null && condition is not null && bandSource is not null)
                    {
                        list.Add(new RatioBand(label, condition.Text, bandSource) { Condition = condition });
                    }
                }

                bands[key.Value!] = list;
            }
        }

        if (name is null || numerator is null || denominator is null || displayName is null || indicates is null || source is null)
        {
            return null;
        }

        return new RatioDefinition
        {
            Name = name,
            Numerator = numerator,
            Denominator = denominator,
            DisplayName = displayName,
            Indicates = indicates,
            Source = source,
            Ideals = ideals,
            Bands = bands,
        };
    }

    private bool KnownTradition(YamlReader reader, YamlScalarNode key)
    {
        if (_traditions.Any(t => t.Id == key.Value))
        {
            return true;
        }

        reader.Error(DiagnosticCodes.DefinitionsUnknownReference, $"'{key.Value}' is not a tradition listed under 'traditions' ({string.Join(", ", _traditions.Select(t => t.Id))}).", key, key.Value);
        return false;
    }

    // ---------------------------------------------------------------- labs/*.yaml

    private void LoadLab(YamlMap map)
    {
        var reader = map.Reader;
        var id = map.Text("id");
        var name = map.Text("name");
        var aliases = map.TextList("aliases");
        var unitNode = map.Get("reporting_unit", true);
        ConcentrationUnit? unit = null;
        if (unitNode is not null && reader.Text(unitNode, "reporting_unit") is { } unitText)
        {
            if (Units.TryParse(unitText, out var parsed))
            {
                unit = parsed;
            }
            else
            {
                reader.Error(DiagnosticCodes.DefinitionsInvalidValue, $"'{unitText}' is not a unit; use one of: {string.Join(", ", Units.AcceptedSpellings)}.", unitNode, "reporting_unit");
            }
        }

        var treatment = Choice(map, "treatment", (PanelWords.Washed, SampleTreatment.Washed), (PanelWords.Unwashed, SampleTreatment.Unwashed));
        var traditionNode = map.Get("ideal_tradition", true);
        var tradition = traditionNode is null ? null : reader.Text(traditionNode, "ideal_tradition");
        if (tradition is not null && _traditions.All(t => t.Id != tradition))
        {
            reader.Error(DiagnosticCodes.DefinitionsUnknownReference, $"ideal_tradition '{tradition}' is not a tradition listed in ratios.yaml ({string.Join(", ", _traditions.Select(t => t.Id))}).", traditionNode!, "ideal_tradition");
            tradition = null;
        }

        var gradesAgainstIdeals = map.Get("grades_against_ideals", false) is null
            ? false
            : Choice(map, "grades_against_ideals", ("true", true), ("false", false)) ?? false;
        var source = map.Text("source");
        var caveats = map.TextList("caveats");
        var ideals = ElementFigures(map, "element_ideals", unit, "value");
        var limits = ElementFigures(map, "toxic_limits", unit, "limit");
        var ranges = new Dictionary<string, ReferenceRange>(StringComparer.Ordinal);
        if (map.Dictionary("reference_ranges") is { } rangesMap)
        {
            foreach (var (key, value) in rangesMap.Entries())
            {
                if (ElementKey(reader, key) is not { } symbol || reader.Map(value, $"{symbol} reference range", "low", "high", "source") is not { } range)
                {
                    continue;
                }

                var low = range.Number("low", false);
                var high = range.Number("high", false);
                var rangeSource = range.Text("source");
                if (low is null && high is null)
                {
                    reader.Error(DiagnosticCodes.DefinitionsMissingKey, $"The {symbol} reference range needs 'low' or 'high'.", value, "low");
                }
                else if (low is { } l && high is { } h && l > h)
                {
                    reader.Error(DiagnosticCodes.DefinitionsInvalidValue, $"The {symbol} reference range has low above high.", value);
                }
                else if (unit is { } u && rangeSource is not null)
                {
                    ranges[symbol] = new ReferenceRange(low, high, u);
                }
            }
        }

        if (id is null || name is null || unit is null || treatment is null || tradition is null || source is null)
        {
            if (id is not null)
            {
                _brokenIds.Add(id);
            }

            return;
        }

        foreach (var labName in aliases.Prepend(name).Prepend(id).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var normalized = LabResolver.Normalize(labName);
            if (_labNames.TryGetValue(normalized, out var owner))
            {
                reader.Error(DiagnosticCodes.DefinitionsDuplicateId, $"The lab id or alias '{labName}' is already used by lab '{owner}'.", map.Node, "id");
                return;
            }
        }

        foreach (var labName in aliases.Prepend(name).Prepend(id))
        {
            _labNames[LabResolver.Normalize(labName)] = id;
        }

        _labs.Add(new LabProfile
        {
            Id = id,
            Name = name,
            Aliases = aliases,
            ReportingUnit = unit.Value,
            Treatment = treatment.Value,
            IdealTradition = tradition,
            Source = source,
            Caveats = caveats,
            ElementIdeals = ideals,
            GradesAgainstIdeals = gradesAgainstIdeals,
            ToxicLimits = limits,
            ReferenceRanges = ranges,
        });
    }

    private static Dictionary<string, Concentration> ElementFigures(YamlMap map, string key, ConcentrationUnit? unit, string valueKey)
    {
        var reader = map.Reader;
        var figures = new Dictionary<string, Concentration>(StringComparer.Ordinal);
        if (map.Dictionary(key) is not { } figuresMap)
        {
            return figures;
        }

        foreach (var (elementKey, value) in figuresMap.Entries())
        {
            if (ElementKey(reader, elementKey) is not { } symbol || reader.Map(value, $"{symbol} {key}", valueKey, "source") is not { } figure)
            {
                continue;
            }

            var amount = figure.Number(valueKey);
            var figureSource = figure.Text("source");
            if (amount is <= 0)
            {
                reader.Error(DiagnosticCodes.DefinitionsInvalidValue, $"The {symbol} {valueKey} must be positive.", figure.Get(valueKey, false)!, valueKey);
            }
            else if (amount is { } a && unit is { } u && figureSource is not null)
            {
                figures[symbol] = new Concentration(a, u);
            }
        }

        return figures;
    }

    // ---------------------------------------------------------------- oxidation.yaml

    private (string? DefaultModel, YamlNode? Node) LoadOxidation(YamlMap root)
    {
        var reader = root.Reader;
        var defaultNode = root.Get("default_model", true);
        var defaultModel = defaultNode is null ? null : reader.Text(defaultNode, "default_model");
        foreach (var item in root.Sequence("models"))
        {
            if (reader.Map(item, "model", "id", "name", "description", "source", "four_lows", "deciding_ratios", "mixed_lean", "degree", "qualifier", "stress_stages", "washed_sample_caveat", "notes") is not { } map
                || ReadModel(map) is not { } model)
            {
                continue;
            }

            if (_models.Any(m => m.Id == model.Id))
            {
                reader.Error(DiagnosticCodes.DefinitionsDuplicateId, $"The oxidation model id '{model.Id}' is defined twice.", map.Get("id", false)!, "id");
                continue;
            }

            _models.Add(model);
        }

        return (defaultModel, defaultNode);
    }

    private OxidationModel? ReadModel(YamlMap map)
    {
        var reader = map.Reader;
        var id = map.Text("id");
        var name = map.Text("name");
        var description = map.Text("description");
        var source = map.Text("source");
        var caveat = map.Text("washed_sample_caveat");
        var notes = map.TextList("notes");
        var valid = true;

        var leanNode = map.Get("mixed_lean", true);
        if (leanNode is not null && reader.Text(leanNode, "mixed_lean") is { } lean && lean != "log-distance-from-ideal")
        {
            reader.Error(DiagnosticCodes.DefinitionsInvalidValue, $"mixed_lean '{lean}' is not supported; the only method is 'log-distance-from-ideal'.", leanNode, "mixed_lean");
            valid = false;
        }

        FourLowsDefinition? fourLows = null;
        if (map.Map("four_lows", false, "on_match", "when", "source") is { } fourLowsMap)
        {
            var action = Choice(fourLowsMap, "on_match", ("flag", FourLowsAction.Flag), ("separate_type", FourLowsAction.SeparateType));
            var fourLowsSource = fourLowsMap.Text("source");
            var texts = new Dictionary<string, string>(StringComparer.Ordinal);
            var conditions = new Dictionary<string, ValueCondition>(StringComparer.Ordinal);
            if (fourLowsMap.Dictionary("when", required: true) is { } whenMap)
            {
                foreach (var (key, value) in whenMap.Entries())
                {
                    if (ElementKey(reader, key) is { } symbol && ConditionNode(reader, value, symbol) is { } condition)
                    {
                        texts[symbol] = condition.Text;
                        conditions[symbol] = condition;
                    }
                }
            }

            if (action is { } a && fourLowsSource is not null && texts.Count > 0)
            {
                fourLows = new FourLowsDefinition(a, texts, fourLowsSource) { Conditions = conditions };
            }
            else
            {
                valid = false;
            }
        }

        var deciding = new List<DecidingRatioDefinition>();
        var decidingNodes = map.Sequence("deciding_ratios");
        if (decidingNodes.Count == 0 && map.Get("deciding_ratios", false) is { } emptyNode)
        {
            reader.Error(DiagnosticCodes.DefinitionsMissingKey, "deciding_ratios needs at least one ratio.", emptyNode, "deciding_ratios");
        }

        foreach (var node in decidingNodes)
        {
            if (reader.Map(node, "deciding ratio", "ratio", "threshold", "ideal", "slow_when", "fast_when", "source") is not { } ratioMap)
            {
                valid = false;
                continue;
            }

            var ratio = RatioReference(ratioMap, "ratio");
            var threshold = ToDouble(ratioMap.Number("threshold"));
            var ideal = ToDouble(ratioMap.Number("ideal", false)) ?? threshold;
            var slow = Condition(ratioMap, "slow_when");
            var fast = Condition(ratioMap, "fast_when");
            var ratioSource = ratioMap.Text("source");
            if (ideal is <= 0)
            {
                reader.Error(DiagnosticCodes.DefinitionsInvalidValue, "The ideal must be positive (the lean compares log distances).", ratioMap.Node, "ideal");
                ideal = null;
            }

            if (slow is not null && fast is not null && !Complementary(reader, ratioMap, slow, fast))
            {
                slow = null;
            }

            if (ratio is null || threshold is null || ideal is null || slow is null || fast is null || ratioSource is null)
            {
                valid = false;
                continue;
            }

            deciding.Add(new DecidingRatioDefinition(ratio, threshold.Value, ideal.Value, slow.Text, fast.Text, ratioSource) { SlowCondition = slow, FastCondition = fast });
        }

        DegreeDefinition? degree = null;
        if (map.Map("degree", false, "ratio", "source", "slow", "fast") is { } degreeMap)
        {
            var ratio = RatioReference(degreeMap, "ratio");
            var degreeSource = degreeMap.Text("source");
            var slowBands = DegreeBands(degreeMap, "slow");
            var fastBands = DegreeBands(degreeMap, "fast");
            if (ratio is not null && degreeSource is not null && slowBands is not null && fastBands is not null)
            {
                degree = new DegreeDefinition(ratio, slowBands, fastBands, degreeSource);
            }
            else
            {
                valid = false;
            }
        }

        QualifierDefinition? qualifier = null;
        if (map.Map("qualifier", false, "ratio", "source", "bands") is { } qualifierMap)
        {
            var ratio = RatioReference(qualifierMap, "ratio");
            var qualifierSource = qualifierMap.Text("source");
            var bands = new List<QualifierBand>();
            foreach (var node in qualifierMap.Sequence("bands"))
            {
                if (reader.Map(node, "qualifier band", "label", "when") is { } bandMap
                    && bandMap.Text("label") is { } label && Condition(bandMap, "when") is { } condition)
                {
                    bands.Add(new QualifierBand(label, condition.Text) { Condition = condition });
                }
                else
                {
                    valid = false;
                }
            }

            if (ratio is not null && qualifierSource is not null)
            {
                qualifier = new QualifierDefinition(ratio, bands, qualifierSource);
            }
            else
            {
                valid = false;
            }
        }

        var stages = new List<StressStageDefinition>();
        string? stagesSource = null;
        if (map.Map("stress_stages", false, "source", "stages") is { } stagesMap)
        {
            stagesSource = stagesMap.Text("source");
            foreach (var node in stagesMap.Sequence("stages"))
            {
                if (reader.Map(node, "stress stage", "stage", "type", "degrees", "qualifier") is not { } stageMap)
                {
                    valid = false;
                    continue;
                }

                var stage = stageMap.Text("stage");
                var type = Choice(stageMap, "type", (OxidationWords.Slow, OxidationType.Slow), (OxidationWords.Fast, OxidationType.Fast), (OxidationWords.Mixed, OxidationType.Mixed));
                var stageQualifier = stageMap.Text("qualifier", false);
                if (stageQualifier is not null && qualifier is not null && qualifier.Bands.All(b => b.Label != stageQualifier))
                {
                    reader.Error(DiagnosticCodes.DefinitionsUnknownReference, $"The qualifier '{stageQualifier}' is not a label of this model's qualifier bands.", stageMap.Get("qualifier", false)!, "qualifier");
                    valid = false;
                }

                var degrees = new List<OxidationDegree>();
                foreach (var degreeNode in stageMap.Sequence("degrees", false))
                {
                    if (DegreeValue(reader, degreeNode) is { } d)
                    {
                        degrees.Add(d);
                    }
                    else
                    {
                        valid = false;
                    }
                }

                if (stage is not null && type is not null)
                {
                    stages.Add(new StressStageDefinition(stage, type.Value, degrees, stageQualifier));
                }
                else
                {
                    valid = false;
                }
            }
        }

        if (!valid || id is null || name is null || description is null || source is null || caveat is null || deciding.Count == 0)
        {
            if (id is not null)
            {
                _brokenIds.Add(id);
            }

            return null;
        }

        return new OxidationModel
        {
            Id = id,
            Name = name,
            Description = description,
            Source = source,
            FourLows = fourLows,
            DecidingRatios = deciding,
            Degree = degree,
            Qualifier = qualifier,
            StressStages = stages,
            StressStagesSource = stagesSource,
            WashedSampleCaveat = caveat,
            Notes = notes,
        };
    }

    private static List<DegreeBand>? DegreeBands(YamlMap map, string key)
    {
        var reader = map.Reader;
        var bands = new List<DegreeBand>();
        foreach (var node in map.Sequence(key))
        {
            if (reader.Map(node, "degree band", "degree", "when") is not { } bandMap)
            {
                return null;
            }

            var degreeNode = bandMap.Get("degree", true);
            var degree = degreeNode is null ? null : DegreeValue(reader, degreeNode);
            var condition = Condition(bandMap, "when");
            if (degree is null || condition is null)
            {
                return null;
            }

            bands.Add(new DegreeBand(degree.Value, condition.Text) { Condition = condition });
        }

        return bands;
    }

    private static OxidationDegree? DegreeValue(YamlReader reader, YamlNode node)
    {
        var text = reader.Text(node, "degree");
        switch (text)
        {
            case "mild": return OxidationDegree.Mild;
            case "moderate": return OxidationDegree.Moderate;
            case "extreme": return OxidationDegree.Extreme;
            case null: return null;
            default:
                reader.Error(DiagnosticCodes.DefinitionsInvalidValue, $"'{text}' is not a degree; use mild, moderate or extreme.", node, "degree");
                return null;
        }
    }

    /// <summary>Checks that exactly one of slow/fast holds at every boundary and around it, so every value gets exactly one vote.</summary>
    private static bool Complementary(YamlReader reader, YamlMap map, ValueCondition slow, ValueCondition fast)
    {
        var points = slow.Boundaries.Concat(fast.Boundaries)
            .SelectMany(b => new[] { b, b * (1 - 1e-9), b * (1 + 1e-9), b / 2, b * 2 })
            .Where(p => p > 0);
        foreach (var point in points)
        {
            var slowMatches = slow.Matches(point);
            if (slowMatches == fast.Matches(point))
            {
                var what = slowMatches ? "both slow_when and fast_when hold" : "neither slow_when nor fast_when holds";
                reader.Error(
                    DiagnosticCodes.DefinitionsInvalidValue,
                    string.Create(CultureInfo.InvariantCulture, $"At {point:G6} {what}; the two conditions must give every value exactly one vote (state the equal case in one of them)."),
                    map.Node,
                    "slow_when");
                return false;
            }
        }

        return true;
    }

    // ---------------------------------------------------------------- shared helpers

    private static T? Choice<T>(YamlMap map, string key, params (string Text, T Value)[] choices)
        where T : struct
    {
        var node = map.Get(key, true);
        if (node is null || map.Reader.Text(node, key) is not { } text)
        {
            return null;
        }

        foreach (var (choiceText, value) in choices)
        {
            if (string.Equals(choiceText, text, StringComparison.Ordinal))
            {
                return value;
            }
        }

        map.Reader.Error(DiagnosticCodes.DefinitionsInvalidValue, $"'{text}' is not allowed for '{key}'; use one of: {string.Join(", ", choices.Select(c => c.Text))}.", node, key);
        return null;
    }

    private static ValueCondition? Condition(YamlMap map, string key) =>
        map.Get(key, true) is { } node ? ConditionNode(map.Reader, node, key) : null;

    private static ValueCondition? ConditionNode(YamlReader reader, YamlNode node, string field)
    {
        if (reader.Text(node, field) is not { } text)
        {
            return null;
        }

        if (ValueCondition.TryParse(text, out var condition, out var error))
        {
            return condition;
        }

        reader.Error(DiagnosticCodes.DefinitionsInvalidValue, $"Invalid condition for '{field}': {error}.", node, field);
        return null;
    }

    private static string? Element(YamlMap map, string key)
    {
        if (map.Get(key, true) is not { } node || map.Reader.Text(node, key) is not { } symbol)
        {
            return null;
        }

        if (ElementCatalog.Default.BySymbol.ContainsKey(symbol))
        {
            return symbol;
        }

        map.Reader.Error(DiagnosticCodes.DefinitionsUnknownElement, $"'{symbol}' is not an element symbol (write it as on the periodic table, e.g. Ca, Mg, Na, K).", node, key);
        return null;
    }

    private static string? ElementKey(YamlReader reader, YamlScalarNode key)
    {
        if (key.Value is { } symbol && ElementCatalog.Default.BySymbol.ContainsKey(symbol))
        {
            return symbol;
        }

        reader.Error(DiagnosticCodes.DefinitionsUnknownElement, $"'{key.Value}' is not an element symbol (write it as on the periodic table, e.g. Ca, Mg, Na, K).", key, key.Value);
        return null;
    }

    private string? RatioReference(YamlMap map, string key)
    {
        if (map.Get(key, true) is not { } node || map.Reader.Text(node, key) is not { } name)
        {
            return null;
        }

        if (_ratios.Any(r => r.Name == name))
        {
            return name;
        }

        map.Reader.Error(DiagnosticCodes.DefinitionsUnknownRatio, $"'{name}' is not a ratio defined in ratios.yaml.", node, key);
        return null;
    }

    private static double? ToDouble(decimal? value) => value is { } v ? (double)v : null;
}
