using System.Collections.Frozen;
using System.Globalization;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Panels;
using HtmaInterpreter.Yaml;

namespace HtmaInterpreter.Rules;

// Step 5 of loading: which elements and ratios the rules read, so evaluation indexes only those.
internal static partial class RuleSetLoader
{
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
}
