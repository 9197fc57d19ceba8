using System.Globalization;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Labs;
using HtmaInterpreter.Oxidation;
using HtmaInterpreter.Panels;
using HtmaInterpreter.Ratios;
using HtmaInterpreter.Yaml;
using YamlDotNet.RepresentationModel;

namespace HtmaInterpreter.Definitions;

// The values every definitions file shares: choices, conditions, element symbols, ratio references.
internal sealed partial class DefinitionsLoader
{
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
