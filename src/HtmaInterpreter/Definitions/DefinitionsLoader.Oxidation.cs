using System.Globalization;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Labs;
using HtmaInterpreter.Oxidation;
using HtmaInterpreter.Panels;
using HtmaInterpreter.Ratios;
using HtmaInterpreter.Yaml;
using YamlDotNet.RepresentationModel;

namespace HtmaInterpreter.Definitions;

// oxidation.yaml: the oxidation models.
internal sealed partial class DefinitionsLoader
{
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
            var action = fourLowsMap.Choice("on_match", true, ("flag", FourLowsAction.Flag), ("separate_type", FourLowsAction.SeparateType));
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
                var type = stageMap.Choice("type", true, (OxidationWords.Slow, OxidationType.Slow), (OxidationWords.Fast, OxidationType.Fast), (OxidationWords.Mixed, OxidationType.Mixed));
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
}
