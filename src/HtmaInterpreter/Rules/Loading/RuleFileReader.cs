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
        var root = file.ParseDocument(YamlDocumentKind.Rules, diagnostics);
        if (root is null)
        {
            return rules;
        }

        YamlSequenceNode? sequence = root as YamlSequenceNode;
        if (root is YamlMappingNode top)
        {
            foreach (var (key, value) in top.Children)
            {
                if (YamlNodes.KeyText(key) == "rules" && value is YamlSequenceNode list)
                {
                    sequence = list;
                }
                else
                {
                    diagnostics.Add(Diagnostic.Error(DiagnosticCodes.RuleSchema, $"Unknown top-level key '{YamlNodes.KeyText(key)}'; a rule file holds one key, 'rules', with a list of rules.", file.Locate(key)));
                }
            }
        }

        if (sequence is null)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.RuleSchema, "A rule file must hold 'rules:' followed by a list of rules.", file.Locate(root)));
            return rules;
        }

        foreach (var item in sequence.Children)
        {
            if (item is not YamlMappingNode mapping)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.RuleSchema, "Each rule must be a mapping with id, title, when, ...", file.Locate(item)));
                continue;
            }

            var rule = ReadRule(file, relativeFile, order, mapping, diagnostics);
            if (rule is not null)
            {
                rules.Add(rule);
                order++;
            }
        }

        return rules;
    }

    private static RuleDefinition? ReadRule(SourceText file, string relativeFile, int order, YamlMappingNode mapping, List<Diagnostic> diagnostics)
    {
        var before = diagnostics.Count;
        var values = new Dictionary<string, (YamlNode Key, YamlNode Value)>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Children)
        {
            var name = YamlNodes.KeyText(key);
            if (Array.IndexOf(RuleKeys, name) < 0)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.RuleSchema, $"Unknown rule key '{name}'; the keys are {string.Join(", ", RuleKeys)}.", file.Locate(key, name)));
                continue;
            }

            values[name] = (key, value);
        }

        string? Text(string key, bool required = true)
        {
            if (!values.TryGetValue(key, out var entry))
            {
                if (required)
                {
                    diagnostics.Add(Diagnostic.Error(DiagnosticCodes.RuleSchema, $"The rule has no '{key}'.", file.Locate(mapping, key)));
                }

                return null;
            }

            if (entry.Value is YamlScalarNode { Value: { Length: > 0 } text })
            {
                return text;
            }

            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.RuleSchema, $"'{key}' must be a non-empty text.", file.Locate(entry.Value, key)));
            return null;
        }

        List<YamlScalarNode> Scalars(string key)
        {
            if (!values.TryGetValue(key, out var entry))
            {
                return [];
            }

            if (entry.Value is YamlScalarNode single)
            {
                return [single];
            }

            var list = new List<YamlScalarNode>();
            if (entry.Value is YamlSequenceNode sequence)
            {
                foreach (var item in sequence.Children)
                {
                    if (item is YamlScalarNode scalar)
                    {
                        list.Add(scalar);
                    }
                    else
                    {
                        diagnostics.Add(Diagnostic.Error(DiagnosticCodes.RuleSchema, $"Each entry of '{key}' must be a text.", file.Locate(item, key)));
                    }
                }
            }
            else
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.RuleSchema, $"'{key}' must be a list.", file.Locate(entry.Value, key)));
            }

            return list;
        }

        var id = Text("id");
        if (id is not null && !IsKebabCase(id))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.RuleSchema, $"The rule id '{id}' must be lower-case words joined by '-', e.g. calcium-shell.", file.Locate(values["id"].Value, "id")));
        }

        var title = Text("title");
        var category = Text("category");
        var severityText = Text("severity");
        RuleSeverity severity = default;
        if (severityText is not null)
        {
            switch (severityText)
            {
                case "info": severity = RuleSeverity.Info; break;
                case "attention": severity = RuleSeverity.Attention; break;
                case "refer": severity = RuleSeverity.Refer; break;
                default:
                    diagnostics.Add(Diagnostic.Error(DiagnosticCodes.RuleSchema, $"Unknown severity '{severityText}'; expected info, attention or refer.", file.Locate(values["severity"].Value, "severity")));
                    break;
            }
        }

        var scope = RuleScope.Panel;
        switch (Text("scope", required: false))
        {
            case null or "panel": break;
            case "retest": scope = RuleScope.Retest; break;
            case var other:
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.RuleSchema, $"Unknown scope '{other}'; expected panel (the default) or retest.", file.Locate(values["scope"].Value, "scope")));
                break;
        }

        YamlScalarNode? when = null;
        if (Text("when") is not null)
        {
            when = (YamlScalarNode)values["when"].Value;
        }

        var explanation = Text("explanation");
        var source = Text("source");
        var suggestions = Scalars("suggestions").Select(s => s.Value ?? "").ToList();
        var evidence = Scalars("evidence");
        var thresholdSources = Scalars("threshold_sources").Select(s => s.Value ?? "").ToList();
        var claims = new List<int>();
        foreach (var claim in Scalars("claims"))
        {
            if (int.TryParse(claim.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= 99)
            {
                claims.Add(number);
            }
            else
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.RuleSchema, $"A claim must be a claim number of the source document, e.g. 7; found '{claim.Value}'.", file.Locate(claim, "claims")));
            }
        }

        IReadOnlyList<YamlScalarNode>? forEach = values.ContainsKey("for_each") ? Scalars("for_each") : null;
        var bands = values.TryGetValue("bands", out var bandEntry) ? ReadBands(file, bandEntry.Value, diagnostics) : [];

        if (diagnostics.Count > before || id is null || title is null || category is null || when is null || explanation is null || source is null)
        {
            return null;
        }

        return new RuleDefinition
        {
            Id = id,
            IdNode = values["id"].Value,
            File = file,
            RelativeFile = relativeFile,
            Order = order,
            Title = title,
            Category = category,
            Severity = severity,
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

    private static List<BandDefinition> ReadBands(SourceText file, YamlNode node, List<Diagnostic> diagnostics)
    {
        var bands = new List<BandDefinition>();
        if (node is not YamlSequenceNode sequence)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.RuleSchema, "'bands' must be a list of band tables.", file.Locate(node, "bands")));
            return bands;
        }

        foreach (var item in sequence.Children)
        {
            if (item is not YamlMappingNode mapping)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.RuleSchema, "Each band table must be a mapping with label, of, source and rows.", file.Locate(item, "bands")));
                continue;
            }

            var before = diagnostics.Count;
            YamlScalarNode? label = null, of = null, when = null, source = null;
            YamlSequenceNode? rowsNode = null;
            foreach (var (key, value) in mapping.Children)
            {
                var name = YamlNodes.KeyText(key);
                switch (name)
                {
                    case "label" when value is YamlScalarNode s: label = s; break;
                    case "of" when value is YamlScalarNode s: of = s; break;
                    case "when" when value is YamlScalarNode s: when = s; break;
                    case "source" when value is YamlScalarNode s: source = s; break;
                    case "rows" when value is YamlSequenceNode s: rowsNode = s; break;
                    default:
                        diagnostics.Add(Diagnostic.Error(
                            DiagnosticCodes.RuleSchema,
                            Array.IndexOf(BandKeys, name) < 0 ? $"Unknown band key '{name}'; the keys are {string.Join(", ", BandKeys)}." : $"'{name}' has the wrong shape.",
                            file.Locate(key, name)));
                        break;
                }
            }

            if (label is null || of is null || source is null || rowsNode is null)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.RuleSchema, "A band table needs label, of, source and rows.", file.Locate(mapping, "bands")));
                continue;
            }

            var rows = new List<BandRow>();
            var anyUnit = false;
            foreach (var rowNode in rowsNode.Children)
            {
                if (rowNode is not YamlMappingNode row)
                {
                    diagnostics.Add(Diagnostic.Error(DiagnosticCodes.RuleSchema, "A band row must be a mapping { from, below, band }.", file.Locate(rowNode, "rows")));
                    continue;
                }

                double? from = null, below = null;
                string? bandLabel = null;
                foreach (var (key, value) in row.Children)
                {
                    var name = YamlNodes.KeyText(key);
                    var text = value is YamlScalarNode { Value: { } t } ? t : "";
                    switch (name)
                    {
                        case "from":
                            from = ReadAmount(file, value, text, diagnostics, ref anyUnit);
                            break;
                        case "below":
                            below = ReadAmount(file, value, text, diagnostics, ref anyUnit);
                            break;
                        case "band":
                            bandLabel = text;
                            break;
                        default:
                            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.RuleSchema, $"Unknown band row key '{name}'; the keys are {string.Join(", ", RowKeys)}.", file.Locate(key, name)));
                            break;
                    }
                }

                if (from is null || string.IsNullOrEmpty(bandLabel))
                {
                    diagnostics.Add(Diagnostic.Error(DiagnosticCodes.RuleSchema, "A band row needs 'from' and 'band'.", file.Locate(row, "rows")));
                    continue;
                }

                var rowText = below is null
                    ? string.Create(CultureInfo.InvariantCulture, $"{from} or more")
                    : string.Create(CultureInfo.InvariantCulture, $"{from} to under {below}");
                rows.Add(new BandRow(from.Value, below, bandLabel, rowText));
            }

            if (diagnostics.Count == before)
            {
                bands.Add(new BandDefinition
                {
                    Label = label.Value ?? "",
                    OfNode = of,
                    When = when,
                    Source = source.Value ?? "",
                    Rows = rows,
                    RowsHaveUnit = anyUnit,
                });
            }
        }

        return bands;
    }

    /// <summary>Reads <c>165</c> or <c>165 mg%</c>; amounts with a unit are converted to mg%.</summary>
    private static double? ReadAmount(SourceText file, YamlNode node, string text, List<Diagnostic> diagnostics, ref bool anyUnit)
    {
        var parts = text.Trim().Split(' ', 2, StringSplitOptions.TrimEntries);
        if (!decimal.TryParse(parts[0], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.RuleSchema, $"'{text}' is not a number (optionally followed by a unit such as mg%).", file.Locate(node)));
            return null;
        }

        if (parts.Length == 1)
        {
            return (double)number;
        }

        if (!Units.TryParse(parts[1], out var unit))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.UnknownUnitInRule, $"Unknown unit '{parts[1]}'; use one of mg%, ppm, µg/g, mcg/g, mg/kg, ppb, ng/g.", file.Locate(node)));
            return null;
        }

        anyUnit = true;
        return (double)Units.Convert(number, unit, ConcentrationUnit.MilligramPercent);
    }
}
