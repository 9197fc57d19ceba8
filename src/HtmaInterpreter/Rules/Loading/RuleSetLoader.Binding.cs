using System.Collections.Frozen;
using System.Globalization;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Panels;
using HtmaInterpreter.Yaml;

namespace HtmaInterpreter.Rules;

// Step 2 of loading: each rule's conditions, for_each, evidence and band tables parsed and bound to the catalogue, ratios and rules.
internal static partial class RuleSetLoader
{
    private static readonly string[] EvidenceWords = ["oxidation", "four_lows", "sex", "age", "sample"];

    private sealed class ParsedRule
    {
        public required RuleDefinition Definition { get; init; }

        public required ConditionNode Condition { get; init; }

        /// <summary>The rules the condition and the bands' conditions name by <c>pattern</c> or <c>fired</c>, each with where it is named.</summary>
        public required List<(string RuleId, ReferenceSite At)> References { get; init; }

        public required int[] ForEach { get; init; }

        public required List<EvidenceAtom> ExtraEvidence { get; init; }

        public required List<(BandDefinition Band, EvidenceAtom Of, ConditionNode? When)> Bands { get; init; }
    }

    /// <summary>Where a condition names a rule: an offset in one <c>when:</c> scalar.</summary>
    private readonly record struct ReferenceSite(ScalarLocator When, int Offset)
    {
        public SourceLocation Locate() => When.Locate(Offset, "when");
    }

    private static ParsedRule? Bind(RuleDefinition definition, ConditionScope scope, List<Diagnostic> diagnostics)
    {
        var before = diagnostics.Count;
        var file = definition.File;
        var isForEach = definition.ForEach is not null;
        var (node, parser) = ConditionParser.Parse(definition.When.Value ?? "", scope, isForEach);
        var whenLocator = new ScalarLocator(file, definition.When);
        foreach (var problem in parser.Problems)
        {
            diagnostics.Add(Diagnostic.Error(problem.Code, problem.Message, whenLocator.Locate(problem.Offset, "when")));
        }

        var references = parser.References.Select(r => (r.RuleId, new ReferenceSite(whenLocator, r.Offset))).ToList();
        var usesNumbers = parser.UsesNumericThreshold;
        CheckPreviousAllowed(definition, parser, whenLocator, diagnostics);

        var forEach = new List<int>();
        foreach (var entry in definition.ForEach ?? [])
        {
            var word = (entry.Value ?? "").Trim();
            if (word is "toxic" or "nutrient")
            {
                var category = word == "toxic" ? ElementCategory.Toxic : ElementCategory.Nutrient;
                forEach.AddRange(scope.Catalog.All.Where(e => e.Category == category).Select(e => scope.ElementIndex[e.Symbol]));
            }
            else if (scope.ElementIndex.TryGetValue(word, out var index))
            {
                forEach.Add(index);
            }
            else
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.UnknownElementInRule, $"'{word}' is not an element symbol (for_each takes symbols, 'toxic' or 'nutrient').", file.Locate(entry, "for_each")));
            }
        }

        if (isForEach && forEach.Count == 0 && diagnostics.Count == before)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.RuleSchema, "for_each needs at least one element.", file.Locate(definition.When, "for_each")));
        }

        var extra = new List<EvidenceAtom>();
        foreach (var entry in definition.EvidenceNames)
        {
            var atom = ResolveName(entry.Value ?? "", scope, isForEach, out var problem);
            if (atom is null)
            {
                diagnostics.Add(Diagnostic.Error(problem.Code, problem.Message, ScalarPositions.Locate(file, entry, problem.Offset, "evidence")));
            }
            else
            {
                extra.Add(atom.Value);
            }
        }

        var bands = new List<(BandDefinition, EvidenceAtom, ConditionNode?)>();
        foreach (var band in definition.Bands)
        {
            var of = ResolveName(band.OfNode.Value ?? "", scope, isForEach, out var problem);
            if (of is null || of.Value.Kind is not (EvidenceKind.Element or EvidenceKind.Ratio))
            {
                diagnostics.Add(Diagnostic.Error(
                    of is null ? problem.Code : DiagnosticCodes.ConditionTypeMismatch,
                    of is null ? problem.Message : "A band table looks up an element or a ratio.",
                    ScalarPositions.Locate(file, band.OfNode, of is null ? problem.Offset : 0, "of")));
                continue;
            }

            if (of.Value.Kind == EvidenceKind.Ratio && band.RowsHaveUnit)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ConditionTypeMismatch, "A ratio has no unit; remove the units from this band's rows.", file.Locate(band.OfNode, "rows")));
            }

            ConditionNode? when = null;
            if (band.When is { } whenNode)
            {
                var (bandNode, bandParser) = ConditionParser.Parse(whenNode.Value ?? "", scope, isForEach);
                var bandLocator = new ScalarLocator(file, whenNode);
                foreach (var bandProblem in bandParser.Problems)
                {
                    diagnostics.Add(Diagnostic.Error(bandProblem.Code, bandProblem.Message, bandLocator.Locate(bandProblem.Offset, "when")));
                }

                CheckPreviousAllowed(definition, bandParser, bandLocator, diagnostics);
                references.AddRange(bandParser.References.Select(r => (r.RuleId, new ReferenceSite(bandLocator, r.Offset))));
                usesNumbers |= bandParser.UsesNumericThreshold;
                when = bandNode;
            }

            bands.Add((band, of.Value, when));
        }

        if ((usesNumbers || bands.Count > 0) && definition.ThresholdSources.Count == 0 && bands.All(b => string.IsNullOrWhiteSpace(b.Item1.Source)))
        {
            diagnostics.Add(Diagnostic.Warning(
                DiagnosticCodes.ThresholdWithoutSource,
                "The condition uses a numeric threshold but the rule names no threshold_sources; every figure needs a source.",
                file.Locate(definition.When, "when")));
        }

        if (node is null || diagnostics.Skip(before).Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            return null;
        }

        return new ParsedRule
        {
            Definition = definition,
            Condition = node,
            References = references,
            ForEach = [.. forEach.Distinct()],
            ExtraEvidence = extra,
            Bands = bands,
        };
    }

    /// <summary><c>previous.</c> reads the earlier test of a retest pair, so only a <c>scope: retest</c> rule may use it.</summary>
    private static void CheckPreviousAllowed(RuleDefinition definition, ConditionParser parser, ScalarLocator locator, List<Diagnostic> diagnostics)
    {
        if (parser.PreviousOffset is { } offset && definition.Scope != RuleScope.Retest)
        {
            diagnostics.Add(Diagnostic.Error(
                DiagnosticCodes.ConditionTypeMismatch,
                "'previous.' reads the earlier test of a comparison and is only allowed in a retest rule: add 'scope: retest' to the rule.",
                locator.Locate(offset, "when")));
        }
    }

    /// <summary>Resolves an evidence name: an element symbol, a ratio, <c>element</c> or one of oxidation, four_lows, sex, age, sample.</summary>
    private static EvidenceAtom? ResolveName(string text, ConditionScope scope, bool allowPlaceholder, out ConditionProblem problem)
    {
        problem = default;
        var name = text.Trim();
        var offset = text.Length - text.TrimStart().Length;
        if (Array.IndexOf(EvidenceWords, name) >= 0)
        {
            return name switch
            {
                "oxidation" or "four_lows" => new EvidenceAtom(EvidenceKind.Oxidation, name, 0),
                "sample" => new EvidenceAtom(EvidenceKind.Sample, name, 0),
                _ => new EvidenceAtom(EvidenceKind.Client, name, 0),
            };
        }

        if (name == "element" && allowPlaceholder)
        {
            return new EvidenceAtom(EvidenceKind.Element, "element", -1);
        }

        var slash = name.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0)
        {
            if (scope.RatioIndex.TryGetValue(name, out var ratio))
            {
                return new EvidenceAtom(EvidenceKind.Ratio, name, ratio);
            }

            problem = new ConditionProblem(DiagnosticCodes.UnknownRatioInRule, $"'{name}' is not a known ratio.", offset);
            return null;
        }

        if (scope.ElementIndex.TryGetValue(name, out var element))
        {
            return new EvidenceAtom(EvidenceKind.Element, name, element);
        }

        problem = new ConditionProblem(
            DiagnosticCodes.UnknownElementInRule,
            $"'{name}' is not an element symbol, a known ratio or one of {string.Join(", ", EvidenceWords)}.",
            offset);
        return null;
    }
}
