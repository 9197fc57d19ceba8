using System.Globalization;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Labs;
using HtmaInterpreter.Oxidation;
using HtmaInterpreter.Panels;
using HtmaInterpreter.Yaml;
using YamlDotNet.RepresentationModel;

namespace HtmaInterpreter.Definitions;

// labs/*.yaml: one lab profile per file.
internal sealed partial class DefinitionsLoader
{
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

        var treatment = map.Choice("treatment", true, (PanelWords.Washed, SampleTreatment.Washed), (PanelWords.Unwashed, SampleTreatment.Unwashed));
        var traditionNode = map.Get("ideal_tradition", true);
        var tradition = traditionNode is null ? null : reader.Text(traditionNode, "ideal_tradition");
        if (tradition is not null && _traditions.All(t => t.Id != tradition))
        {
            reader.Error(DiagnosticCodes.DefinitionsUnknownReference, $"ideal_tradition '{tradition}' is not a tradition listed in ratios.yaml ({string.Join(", ", _traditions.Select(t => t.Id))}).", traditionNode!, "ideal_tradition");
            tradition = null;
        }

        var gradesAgainstIdeals = map.Get("grades_against_ideals", false) is null
            ? false
            : map.Choice("grades_against_ideals", true, ("true", true), ("false", false)) ?? false;
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
}
