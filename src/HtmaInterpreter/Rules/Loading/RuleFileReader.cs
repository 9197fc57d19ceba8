using System.Globalization;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Panels;
using HtmaInterpreter.Yaml;
using YamlDotNet.RepresentationModel;

namespace HtmaInterpreter.Rules;

/// <summary>Reads rule files: schema checks (keys, shapes, severities) with located diagnostics. Conditions are parsed later.</summary>
internal static class RuleFileReader
{
    private static readonly string[] RuleKeys =
        ["id", "title", "category", "severity", "when", "explanation", "suggestions", "evidence", "source", "threshold_sources", "claims", "for_each", "bands", "scope"];

    private static readonly string[] BandKeys = ["label", "of", "when", "source", "rows"];

    private static readonly string[] RowKeys = ["from", "below", "band"];

    public static List<RuleDefinition> Read(SourceText file, string relativeFile, ref int order, List<Diagnostic> diagnostics)
    {
        var rules = new List<RuleDefinition>();
        var reader = new YamlReader(file, YamlDocumentKind.Rules, diagnostics);
        var root = reader.Parse(file.Text, out _);
        if (root is null)
        {
            return rules;
        }

        IReadOnlyList<YamlNode>? sequence = root switch
        {
            YamlSequenceNode list => list.Children.ToList(),
            YamlMappingNode => reader.Map(root, "rule file", "rules")?.Sequence("rules"),
            _ => null,
        };
        if (sequence is null)
        {
            if (root is not YamlMappingNode)
            {
                reader.Error(DiagnosticCodes.RuleSchema, "A rule file must hold 'rules:' followed by a list of rules.", root);
            }

            return rules;
        }

        foreach (var item in sequence)
        {
            if (reader.Map(item, "rule", RuleKeys) is { } map && ReadRule(file, relativeFile, order, map) is { } rule)
            {
                rules.Add(rule);
                order++;
            }
        }

        return rules;
    }

    private static RuleDefinition? ReadRule(SourceText file, string relativeFile, int order, YamlMap map)
    {
        var reader = map.Reader;
        var before = reader.Errors;
        var id = map.Text("id", nonEmpty: true);
        if (id is not null && !IsKebabCase(id))
        {
            reader.Error(DiagnosticCodes.RuleSchema, $"The rule id '{id}' must be lower-case words joined by '-', e.g. calcium-shell.", map.Get("id", true)!, "id");
        }

        var title = map.Text("title", nonEmpty: true);
        var category = map.Text("category", nonEmpty: true);
        var severity = map.Choice("severity", true, ("info", RuleSeverity.Info), ("attention", RuleSeverity.Attention), ("refer", RuleSeverity.Refer));
        var scope = map.Choice("scope", false, ("panel", RuleScope.Panel), ("retest", RuleScope.Retest)) ?? RuleScope.Panel;
        var when = map.Text("when", nonEmpty: true) is null ? null : (YamlScalarNode)map.Get("when", true)!;
        var explanation = map.Text("explanation", nonEmpty: true);
        var source = map.Text("source", nonEmpty: true);
        var suggestions = map.Scalars("suggestions").Select(s => s.Value ?? "").ToList();
        var evidence = map.Scalars("evidence");
        var thresholdSources = map.Scalars("threshold_sources").Select(s => s.Value ?? "").ToList();
        var claims = new List<int>();
        foreach (var claim in map.Scalars("claims"))
        {
            if (int.TryParse(claim.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= 99)
            {
                claims.Add(number);
            }
            else
            {
                reader.Error(DiagnosticCodes.RuleSchema, $"A claim must be a claim number of the source document, e.g. 7; found '{claim.Value}'.", claim, "claims");
            }
        }

        IReadOnlyList<YamlScalarNode>? forEach = map.Has("for_each") ? map.Scalars("for_each") : null;
        var bands = map.Get("bands", false) is { } bandsNode ? ReadBands(reader, bandsNode) : [];

        if (reader.Errors > before || id is null || title is null || category is null || severity is null || when is null || explanation is null || source is null)
        {
            return null;
        }

        return new RuleDefinition
        {
            Id = id,
            IdNode = map.Get("id", true)!,
            File = file,
            RelativeFile = relativeFile,
            Order = order,
            Title = title,
            Category = category,
            Severity = severity.Value,
            When = when,
            Explanation = explanation.Trim(),
            Suggestions = suggestions,
            EvidenceNames = evidence,
            Source = source,
            ThresholdSources = thresholdSources,
            Claims = claims,
            ForEach = forEach,
            Bands = bands,
            Scope = scope,
        };
    }

    private static bool IsKebabCase(string id) =>
        id.Length > 0 && char.IsAsciiLetterLower(id[0]) && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-') && !id.EndsWith('-');

    private static List<BandDefinition> ReadBands(YamlReader reader, YamlNode node)
    {
        var bands = new List<BandDefinition>();
        foreach (var item in reader.Sequence(node, "bands"))
        {
            var before = reader.Errors;
            if (reader.Map(item, "band table", BandKeys) is not { } map)
            {
                continue;
            }

            var label = map.Text("label", nonEmpty: true);
            var of = Scalar(map, "of", required: true);
            var when = Scalar(map, "when", required: false);
            var source = map.Text("source", nonEmpty: true);
            var rows = new List<BandRow>();
            var anyUnit = false;
            foreach (var rowNode in map.Sequence("rows"))
            {
                if (reader.Map(rowNode, "band row", RowKeys) is not { } row)
                {
                    continue;
                }

                var from = ReadAmount(row, "from", required: true, ref anyUnit);
                var below = ReadAmount(row, "below", required: false, ref anyUnit);
                if (row.Text("band", nonEmpty: true) is not { } bandLabel || from is null)
                {
                    continue;
                }

                var rowText = below is null
                    ? string.Create(CultureInfo.InvariantCulture, $"{from} or more")
                    : string.Create(CultureInfo.InvariantCulture, $"{from} to under {below}");
                rows.Add(new BandRow(from.Value, below, bandLabel, rowText));
            }

            if (reader.Errors == before && label is not null && of is not null && source is not null)
            {
                bands.Add(new BandDefinition
                {
                    Label = label,
                    OfNode = of,
                    When = when,
                    Source = source,
                    Rows = rows,
                    RowsHaveUnit = anyUnit,
                });
            }
        }

        return bands;
    }

    /// <summary>The text node under a key, for a condition or name located later.</summary>
    private static YamlScalarNode? Scalar(YamlMap map, string key, bool required) =>
        map.Text(key, required, nonEmpty: true) is null ? null : (YamlScalarNode)map.Get(key, required)!;

    /// <summary>Reads <c>165</c> or <c>165 mg%</c>; amounts with a unit are converted to mg%.</summary>
    private static double? ReadAmount(YamlMap map, string key, bool required, ref bool anyUnit)
    {
        if (map.Get(key, required) is not { } node || map.Reader.Text(node, key) is not { } text)
        {
            return null;
        }

        var parts = text.Trim().Split(' ', 2, StringSplitOptions.TrimEntries);
        if (!decimal.TryParse(parts[0], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            map.Reader.Error(DiagnosticCodes.RuleSchema, $"'{text}' is not a number (optionally followed by a unit such as mg%).", node);
            return null;
        }

        if (parts.Length == 1)
        {
            return (double)number;
        }

        if (!Units.TryParse(parts[1], out var unit))
        {
            map.Reader.Error(DiagnosticCodes.UnknownUnitInRule, $"Unknown unit '{parts[1]}'; use one of mg%, ppm, µg/g, mcg/g, mg/kg, ppb, ng/g.", node);
            return null;
        }

        anyUnit = true;
        return (double)Units.Convert(number, unit, ConcentrationUnit.MilligramPercent);
    }
}
