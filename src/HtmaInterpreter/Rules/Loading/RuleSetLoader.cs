using System.Collections.Frozen;
using System.Globalization;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Panels;
using HtmaInterpreter.Yaml;

namespace HtmaInterpreter.Rules;

/// <summary>Reads, parses, type-checks, orders and compiles rule files. Every problem becomes a located diagnostic.</summary>
internal static partial class RuleSetLoader
{
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
        var definitionById = new Dictionary<string, RuleDefinition>(StringComparer.Ordinal);
        var order = 0;
        foreach (var (relativePath, displayPath, text) in files)
        {
            var source = new SourceText(text, displayPath);
            foreach (var definition in RuleFileReader.Read(source, relativePath, ref order, diagnostics))
            {
                if (!definitionById.TryAdd(definition.Id, definition))
                {
                    var first = definitionById[definition.Id];
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
            RuleIds = definitionById.Keys.ToHashSet(StringComparer.Ordinal),
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
            foreach (var (target, at) in rule.References)
            {
                if (definitionById.GetValueOrDefault(target) is { Scope: RuleScope.Retest })
                {
                    diagnostics.Add(Diagnostic.Error(
                        DiagnosticCodes.UnknownPattern,
                        $"'{target}' is a retest rule, evaluated only when tests are compared; a panel rule cannot depend on it.",
                        at.Locate()));
                    parsed.Remove(rule.Definition.Id);
                    break;
                }
            }
        }

        // 3. Drop rules that refer to rules with errors, and the rules that refer to those, and so on.
        DropDependants(parsed, scope.RuleIds, diagnostics);

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
