using System.Collections.Frozen;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Panels;
using YamlDotNet.RepresentationModel;

namespace HtmaInterpreter.Rules;

/// <summary>Reads, parses, type-checks, orders and compiles rule files. Every problem becomes a located diagnostic.</summary>
internal static class RuleSetLoader
{
    private static readonly string[] EvidenceWords = ["oxidation", "four_lows", "sex", "age", "sample"];

    public static (CompiledRuleSet Rules, List<Diagnostic> Diagnostics) Load(IReadOnlyList<(string RelativePath, string DisplayPath, string Text)> files, RuleLoadOptions options)
    {
        var diagnostics = new List<Diagnostic>();
        var catalog = options.Catalog;
        var elementSymbols = catalog.All.Select(e => e.Symbol).ToArray();
        var elementIndex = elementSymbols.Select((symbol, i) => KeyValuePair.Create(symbol, i)).ToFrozenDictionary(StringComparer.Ordinal);
        var ratioNames = options.KnownRatios.Distinct(StringComparer.Ordinal).ToArray();
        var ratioIndex = ratioNames.Select((name, i) => KeyValuePair.Create(name, i)).ToFrozenDictionary(StringComparer.Ordinal);

        // 1. Read every file; keep the first rule of each id.
        var definitions = new List<RuleDefinition>();
        var order = 0;
        foreach (var (relativePath, displayPath, text) in files)
        {
            var source = new SourceText(text, displayPath);
            foreach (var definition in RuleFileReader.Read(source, relativePath, ref order, diagnostics))
            {
                var first = definitions.Find(d => d.Id == definition.Id);
                if (first is not null)
                {
                    diagnostics.Add(Diagnostic.Error(
                        DiagnosticCodes.DuplicateRuleId,
                        $"The rule id '{definition.Id}' is already used at {first.File.Locate(first.IdNode)}.",
                        source.Locate(definition.IdNode, "id")));
                    continue;
                }

                definitions.Add(definition);
            }
        }

        var scope = new ConditionScope
        {
            Catalog = catalog,
            ElementIndex = elementIndex,
            RatioIndex = ratioIndex,
            RuleIds = definitions.Select(d => d.Id).ToHashSet(StringComparer.Ordinal),
        };

        // 2. Parse and bind every condition.
        var parsed = new Dictionary<string, ParsedRule>(StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            var rule = Bind(definition, scope, diagnostics);
            if (rule is not null)
            {
                parsed[definition.Id] = rule;
            }
        }

        // A panel rule is evaluated on single panels, where retest rules are not: it may not depend on one.
        foreach (var rule in parsed.Values.Where(r => r.Definition.Scope == RuleScope.Panel).ToList())
        {
            foreach (var (target, offset) in rule.References)
            {
                if (definitions.Find(d => d.Id == target) is { Scope: RuleScope.Retest })
                {
                    diagnostics.Add(Diagnostic.Error(
                        DiagnosticCodes.UnknownPattern,
                        $"'{target}' is a retest rule, evaluated only when tests are compared; a panel rule cannot depend on it.",
                        rule.LocateInWhen(Math.Max(0, offset))));
                    parsed.Remove(rule.Definition.Id);
                    break;
                }
            }
        }

        // 3. Drop rules that refer to rules with errors, until nothing changes.
        bool changed;
        do
        {
            changed = false;
            foreach (var rule in parsed.Values.ToList())
            {
                foreach (var (target, offset) in rule.References)
                {
                    if (!parsed.ContainsKey(target) && scope.RuleIds.Contains(target))
                    {
                        diagnostics.Add(Diagnostic.Error(
                            DiagnosticCodes.UnknownPattern,
                            $"This rule refers to '{target}', which could not be loaded; it is left out too.",
                            rule.LocateInWhen(offset)));
                        parsed.Remove(rule.Definition.Id);
                        changed = true;
                        break;
                    }
                }
            }
        }
        while (changed);

        // 4. Order by dependencies; rules on a cycle are reported and left out.
        var ordered = Order(parsed, diagnostics);

        // 5. Give each element the rules read a slot (catalogue order); evaluation indexes only those.
        var slotOf = new int[elementSymbols.Length];
        Array.Fill(slotOf, -1);
        foreach (var rule in ordered)
        {
            MarkUsed(rule, slotOf);
        }

        var usedSymbols = new List<string>();
        for (var i = 0; i < slotOf.Length; i++)
        {
            if (slotOf[i] >= 0)
            {
                slotOf[i] = usedSymbols.Count;
                usedSymbols.Add(elementSymbols[i]);
            }
        }

        var ratiosRead = new bool[ratioNames.Length];
        foreach (var rule in ordered)
        {
            MarkRatiosRead(rule.Condition, ratiosRead);
        }

        // 6. Compile.
        var ruleIndex = ordered.Select((rule, i) => KeyValuePair.Create(rule.Definition.Id, i)).ToDictionary(StringComparer.Ordinal);
        var compiler = new ConditionCompiler(elementSymbols, slotOf, ratioNames, ruleIndex);
        var compiled = ordered.Select(rule => Compile(rule, compiler, catalog, slotOf)).ToArray();
        diagnostics.Sort(CompareLocation);
        return (new CompiledRuleSet
        {
            ElementSymbols = [.. usedSymbols],
            ElementIndex = usedSymbols.Select((symbol, i) => KeyValuePair.Create(symbol, i)).ToFrozenDictionary(StringComparer.Ordinal),
            RatioNames = ratioNames,
            RatioIndex = ratioIndex,
            RatiosRead = ratiosRead,
            Rules = compiled,
            Catalog = catalog,
            Compiler = compiler,
            ElementSlots = catalog.All.Select((element, i) => KeyValuePair.Create(element, slotOf[i])).ToFrozenDictionary(ReferenceEqualityComparer.Instance),
        }, diagnostics);
    }

    /// <summary>Marks the ratios a condition compares (by ratio index).</summary>
    private static void MarkRatiosRead(ConditionNode node, bool[] read)
    {
        switch (node)
        {
            case AndNode and:
                foreach (var item in and.Items)
                {
                    MarkRatiosRead(item, read);
                }

                break;
            case OrNode or:
                foreach (var item in or.Items)
                {
                    MarkRatiosRead(item, read);
                }

                break;
            case NotNode not:
                MarkRatiosRead(not.Operand, read);
                break;
            case CountNode count:
                foreach (var item in count.Items)
                {
                    MarkRatiosRead(item, read);
                }

                break;
            case CompareNode compare:
                foreach (var operand in (ReadOnlySpan<Operand>)[compare.Left, compare.Right])
                {
                    if (operand.Kind == OperandKind.Ratio)
                    {
                        read[operand.Index] = true;
                    }
                }

                break;
        }
    }

    /// <summary>Marks (with 0) in <paramref name="used"/> every catalogue element the rule reads or shows as evidence.</summary>
    private static void MarkUsed(ParsedRule rule, int[] used)
    {
        void Mark(int index)
        {
            if (index >= 0)
            {
                used[index] = 0;
            }
        }

        void Walk(ConditionNode node)
        {
            switch (node)
            {
                case AndNode and:
                    foreach (var item in and.Items)
                    {
                        Walk(item);
                    }

                    break;
                case OrNode or:
                    foreach (var item in or.Items)
                    {
                        Walk(item);
                    }

                    break;
                case NotNode not:
                    Walk(not.Operand);
                    break;
                case CountNode count:
                    foreach (var item in count.Items)
                    {
                        Walk(item);
                    }

                    break;
                case CompareNode compare:
                    foreach (var operand in (ReadOnlySpan<Operand>)[compare.Left, compare.Right])
                    {
                        if (operand.Kind == OperandKind.Element)
                        {
                            Mark(operand.Index);
                        }
                    }

                    break;
                case LevelNode level:
                    Mark(level.ElementIndex);
                    break;
            }
        }

        // The 'element' placeholder (-1) stands for each for_each element, marked here.
        foreach (var subject in rule.ForEach)
        {
            Mark(subject);
        }

        Walk(rule.Condition);
        foreach (var atom in rule.ExtraEvidence)
        {
            if (atom.Kind == EvidenceKind.Element)
            {
                Mark(atom.Index);
            }
        }

        foreach (var (_, of, when) in rule.Bands)
        {
            if (of.Kind == EvidenceKind.Element)
            {
                Mark(of.Index);
            }

            if (when is not null)
            {
                Walk(when);
            }
        }
    }

    private static int CompareLocation(Diagnostic a, Diagnostic b)
    {
        var byFile = string.CompareOrdinal(a.Location.File, b.Location.File);
        if (byFile != 0)
        {
            return byFile;
        }

        var byLine = Nullable.Compare(a.Location.Line, b.Location.Line);
        return byLine != 0 ? byLine : Nullable.Compare(a.Location.Column, b.Location.Column);
    }

    private sealed class ParsedRule
    {
        public required RuleDefinition Definition { get; init; }

        public required ConditionNode Condition { get; init; }

        public required List<(string RuleId, int Offset)> References { get; init; }

        public required int[] ForEach { get; init; }

        public required List<EvidenceAtom> ExtraEvidence { get; init; }

        public required List<(BandDefinition Band, EvidenceAtom Of, ConditionNode? When)> Bands { get; init; }

        public SourceLocation LocateInWhen(int offset) =>
            ScalarPositions.Locate(Definition.File, Definition.When, offset, "when");
    }

    private static ParsedRule? Bind(RuleDefinition definition, ConditionScope scope, List<Diagnostic> diagnostics)
    {
        var before = diagnostics.Count;
        var file = definition.File;
        var isForEach = definition.ForEach is not null;
        var (node, parser) = ConditionParser.Parse(definition.When.Value ?? "", scope, isForEach);
        foreach (var problem in parser.Problems)
        {
            diagnostics.Add(Diagnostic.Error(problem.Code, problem.Message, ScalarPositions.Locate(file, definition.When, problem.Offset, "when")));
        }

        var references = parser.References;
        var usesNumbers = parser.UsesNumericThreshold;
        CheckPreviousAllowed(definition, parser, definition.When, diagnostics);

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
                foreach (var bandProblem in bandParser.Problems)
                {
                    diagnostics.Add(Diagnostic.Error(bandProblem.Code, bandProblem.Message, ScalarPositions.Locate(file, whenNode, bandProblem.Offset, "when")));
                }

                CheckPreviousAllowed(definition, bandParser, whenNode, diagnostics);
                references.AddRange(bandParser.References.Select(r => (r.RuleId, -1)));
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
    private static void CheckPreviousAllowed(RuleDefinition definition, ConditionParser parser, YamlScalarNode node, List<Diagnostic> diagnostics)
    {
        if (parser.PreviousOffset is { } offset && definition.Scope != RuleScope.Retest)
        {
            diagnostics.Add(Diagnostic.Error(
                DiagnosticCodes.ConditionTypeMismatch,
                "'previous.' reads the earlier test of a comparison and is only allowed in a retest rule: add 'scope: retest' to the rule.",
                ScalarPositions.Locate(definition.File, node, offset, "when")));
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

    private static List<ParsedRule> Order(Dictionary<string, ParsedRule> parsed, List<Diagnostic> diagnostics)
    {
        var byOrder = parsed.Values.OrderBy(r => r.Definition.Order).ToList();
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 0 new, 1 visiting, 2 done
        var onCycle = new HashSet<string>(StringComparer.Ordinal);
        var ordered = new List<ParsedRule>();

        // A depth-first walk with a stack of its own (each rule and its next reference to follow), not recursion: a
        // chain of rules each naming the next by 'pattern' may be as long as the files allow.
        var path = new List<(ParsedRule Rule, int Next)>();

        void Visit(ParsedRule start)
        {
            state[start.Definition.Id] = 1;
            path.Add((start, 0));
            while (path.Count > 0)
            {
                var (rule, next) = path[^1];
                if (next == rule.References.Count)
                {
                    path.RemoveAt(path.Count - 1);
                    state[rule.Definition.Id] = 2;
                    ordered.Add(rule);
                    continue;
                }

                path[^1] = (rule, next + 1);
                var (target, offset) = rule.References[next];
                if (!parsed.TryGetValue(target, out var referenced))
                {
                    continue;
                }

                switch (state.GetValueOrDefault(target))
                {
                    case 0:
                        state[target] = 1;
                        path.Add((referenced, 0));
                        break;
                    case 1:
                        var from = path.FindLastIndex(step => step.Rule.Definition.Id == target);
                        var cycle = path.Skip(from + 1).Select(step => step.Rule.Definition.Id).Prepend(target).ToList();
                        onCycle.UnionWith(cycle);
                        diagnostics.Add(Diagnostic.Error(
                            DiagnosticCodes.RuleCycle,
                            $"Rules depend on each other in a cycle: {string.Join(" → ", cycle)} → {target}.",
                            offset >= 0 ? rule.LocateInWhen(offset) : rule.Definition.File.Locate(rule.Definition.When, "when")));
                        break;
                }
            }
        }

        foreach (var rule in byOrder)
        {
            if (state.GetValueOrDefault(rule.Definition.Id) == 0)
            {
                Visit(rule);
            }
        }

        // A rule on a cycle, or depending on one, cannot be evaluated.
        var excluded = new HashSet<string>(onCycle, StringComparer.Ordinal);
        foreach (var rule in ordered)
        {
            if (rule.References.Any(r => excluded.Contains(r.RuleId)))
            {
                excluded.Add(rule.Definition.Id);
            }
        }

        return ordered.Where(r => !excluded.Contains(r.Definition.Id)).ToList();
    }

    /// <summary>Compiles a rule; element indexes in what it builds are slots (<paramref name="slotOf"/> by catalogue index).</summary>
    private static CompiledRule Compile(ParsedRule rule, ConditionCompiler compiler, ElementCatalog catalog, int[] slotOf)
    {
        var definition = rule.Definition;
        var isForEach = definition.ForEach is not null;
        var subjects = isForEach ? rule.ForEach : [-1];
        var instances = new List<CompiledInstance>();
        foreach (var subject in subjects)
        {
            var symbol = subject >= 0 ? catalog.All[subject].Symbol : null;
            var title = symbol is null
                ? definition.Title
                : definition.Title.Replace("{element.name}", catalog.All[subject].Name, StringComparison.Ordinal)
                    .Replace("{element}", symbol, StringComparison.Ordinal);
            var bands = rule.Bands.Select(b => new CompiledBand(
                b.Band.Label,
                b.Of.Index == -1 ? b.Of with { Name = symbol!, Index = slotOf[subject] } : b.Of with { Index = ToSlot(b.Of, slotOf) },
                b.When is null ? null : compiler.Compile(b.When, subject),
                b.Band.Rows,
                b.Band.Source,
                b.Of.Kind == EvidenceKind.Element ? "mg%" : "")).ToList();
            var explanation = compiler.Explain(rule.Condition, subject);
            instances.Add(new CompiledInstance(symbol, subject >= 0 ? slotOf[subject] : -1, title, explanation.Condition, explanation, bands, rule.Condition, subject));
        }

        var info = new RuleInfo
        {
            Id = definition.Id,
            Title = definition.Title,
            Category = definition.Category,
            Severity = definition.Severity,
            Condition = (definition.When.Value ?? "").Trim(),
            Source = definition.Source,
            Claims = definition.Claims,
            ForEach = isForEach ? [.. rule.ForEach.Select(i => catalog.All[i].Symbol)] : [],
            File = definition.RelativeFile,
            Scope = definition.Scope,
        };
        var extra = rule.ExtraEvidence.Select(atom => atom with { Index = ToSlot(atom, slotOf) }).ToList();
        return new CompiledRule(definition, info, isForEach, instances, extra);
    }

    /// <summary>An evidence atom's index for evaluation: an element's slot (the placeholder -1 stays), any other index as it is.</summary>
    private static int ToSlot(EvidenceAtom atom, int[] slotOf) =>
        atom.Kind == EvidenceKind.Element && atom.Index >= 0 ? slotOf[atom.Index] : atom.Index;
}
