using System.Globalization;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Labs;
using HtmaInterpreter.Oxidation;
using HtmaInterpreter.Panels;
using HtmaInterpreter.Ratios;
using HtmaInterpreter.Yaml;
using YamlDotNet.RepresentationModel;

namespace HtmaInterpreter.Definitions;

// ratios.yaml: the ideal traditions and the ratios with their ideals and bands.
internal sealed partial class DefinitionsLoader
{
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
}
