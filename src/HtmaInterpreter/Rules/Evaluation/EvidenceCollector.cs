using System.Globalization;
using HtmaInterpreter.Oxidation;
using HtmaInterpreter.Panels;

namespace HtmaInterpreter.Rules;

/// <summary>Gathers evidence items in first-use order, merging the tests that mention the same input.</summary>
internal sealed class EvidenceCollector : IExplainSink
{
    private readonly List<Item> _items = new(8);
    private EvaluationState _state = null!;

    /// <summary>Starts a new finding on <paramref name="state"/> (or lets go of the last one with <c>null</c>).</summary>
    public void Reset(EvaluationState? state)
    {
        _items.Clear();
        _state = state!;
    }

    public void Use(CompiledLeaf leaf)
    {
        var atoms = leaf.Atoms;
        for (var i = 0; i < atoms.Count; i++)
        {
            Add(atoms[i], leaf.Tests);
        }
    }

    /// <summary>Adds an input with the test it passed (a shared one-item list), or with none.</summary>
    public void Add(EvidenceAtom atom, IReadOnlyList<string>? test)
    {
        var items = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_items);
        var existing = -1;
        for (var i = 0; i < items.Length; i++)
        {
            if (items[i].Fixed is null && items[i].Atom.Kind == atom.Kind && items[i].Atom.Name == atom.Name)
            {
                existing = i;
                break;
            }
        }

        if (existing < 0)
        {
            _items.Add(new Item(atom, test, null, test?.Count ?? 0));
            return;
        }

        if (test is not null)
        {
            ref var item = ref items[existing];
            if (item.Tests is null)
            {
                item = item with { Tests = test, Count = test.Count };
            }
            else if (!Contains(item.Tests, item.Count, test[0]))
            {
                // A second test of the same input: only now is a list of its own needed, exactly as long as
                // that; more tests double it (a condition may test one input hundreds of times).
                if (item.Tests is not string[] own || item.Count == own.Length)
                {
                    own = new string[item.Count == 1 ? 2 : item.Count * 2];
                    for (var i = 0; i < item.Count; i++)
                    {
                        own[i] = item.Tests[i];
                    }
                }

                own[item.Count] = test[0];
                item = item with { Tests = own, Count = item.Count + 1 };
            }
        }
    }

    private static bool Contains(IReadOnlyList<string> tests, int count, string test)
    {
        for (var i = 0; i < count; i++)
        {
            if (tests[i] == test)
            {
                return true;
            }
        }

        return false;
    }

    public void AddBand(CompiledBand band)
    {
        var state = _state;
        double value;
        if (band.Of.Kind == EvidenceKind.Element)
        {
            var reading = state.Elements[band.Of.Index];
            if (!reading.Present || reading.Low != reading.High)
            {
                return;
            }

            value = reading.Low;
        }
        else
        {
            value = state.Ratios[band.Of.Index];
            if (double.IsNaN(value))
            {
                return;
            }
        }

        var rows = band.Rows;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (value >= row.From && (row.Below is not { } below || value < below))
            {
                // The band's evidence depends on the row alone: made once at load and shared.
                _items.Add(new Item(band.Of, null, band.RowEvidence[i]));
                return;
            }
        }
    }

    public Evidence[] Build()
    {
        var items = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_items);
        var result = new Evidence[items.Length];
        var count = 0;
        foreach (var (atom, tests, fixedEvidence, testCount) in items)
        {
            var evidence = fixedEvidence ?? Describe(atom, tests is null ? [] : tests.Count == testCount ? tests : ((string[])tests)[..testCount]);
            if (evidence is not null)
            {
                result[count++] = evidence;
            }
        }

        return count == result.Length ? result : result[..count];
    }

    private Evidence? Describe(EvidenceAtom atom, IReadOnlyList<string> tests)
    {
        // previous.X reads the earlier test of a retest pair.
        var state = _state;
        if ((atom.Previous ? state.Previous : state) is not { } source)
        {
            return null;
        }

        var input = source.Input;
        switch (atom.Kind)
        {
            case EvidenceKind.Element:
                if (source.Measurements[atom.Index] is not { } measurement)
                {
                    return null;
                }

                var profile = input.LabProfile;
                return new Evidence
                {
                    Kind = EvidenceKind.Element,
                    Name = atom.Name,
                    MilligramPercent = source.Amounts[atom.Index],
                    LabValue = profile is not null && Units.TryConvert(measurement.Amount.Value, measurement.Amount.Unit, profile.ReportingUnit, out var inLab)
                        ? new Concentration(inLab, profile.ReportingUnit)
                        : measurement.Amount, // no profile, or too large for its unit (reading warned)
                    Qualifier = measurement.Qualifier,
                    Level = source.Levels?.LevelOf(atom.Index, source.Amounts[atom.Index]),
                    Tests = tests,
                };
            case EvidenceKind.Ratio:
                var ratio = source.Ratios[atom.Index];
                return double.IsNaN(ratio) ? null : new Evidence { Kind = EvidenceKind.Ratio, Name = atom.Name, RatioValue = ratio, Tests = tests };
            case EvidenceKind.Oxidation:
                if (input.Oxidation is not { } oxidation)
                {
                    return null;
                }

                return new Evidence
                {
                    Kind = EvidenceKind.Oxidation,
                    Name = atom.Name,
                    Value = atom.Name.EndsWith("four_lows", StringComparison.Ordinal) ? (oxidation.FourLows ? "yes" : "no") : source.OxidationText ??= DescribeOxidation(oxidation),
                    Tests = tests,
                };
            case EvidenceKind.Client when atom.Name == "sex":
                return source.Sex == Sex.Unknown ? null : new Evidence { Kind = EvidenceKind.Client, Name = "sex", Value = PanelWords.Name(source.Sex), Tests = tests };
            case EvidenceKind.Client:
                return source.AgeYears is not { } age ? null : new Evidence { Kind = EvidenceKind.Client, Name = "age", Value = age.ToString(CultureInfo.InvariantCulture), Tests = tests };
            case EvidenceKind.Sample:
                return source.Treatment == SampleTreatment.Unknown ? null : new Evidence { Kind = EvidenceKind.Sample, Name = "sample", Value = PanelWords.Name(source.Treatment), Tests = tests };
            case EvidenceKind.Context:
                var stated = input.Context?.ValuesOf(atom.Name);
                if (stated is null)
                {
                    return null;
                }

                return new Evidence
                {
                    Kind = EvidenceKind.Context,
                    Name = atom.Name,
                    Value = DescribeContext(stated, atom.Values!),
                    Tests = tests,
                };
            case EvidenceKind.Rule:
                var outcome = source.RuleResults[atom.Index] switch
                {
                    Truth.True => "fired",
                    Truth.False => "not fired",
                    _ => "not evaluated",
                };
                return new Evidence { Kind = EvidenceKind.Rule, Name = atom.Name, Value = outcome, Tests = tests };
            default:
                return null;
        }
    }

    /// <summary>The asked values the client stated, comma-separated, or "none of" the asked values.</summary>
    private static string DescribeContext(IReadOnlySet<string> stated, string[] asked)
    {
        string? single = null;
        var present = 0;
        foreach (var value in asked)
        {
            if (stated.Contains(value))
            {
                single ??= value;
                present++;
            }
        }

        return present switch
        {
            0 => "none of " + string.Join(", ", asked),
            1 => single!,
            _ => string.Join(", ", asked.Where(stated.Contains)),
        };
    }

    private static string DescribeOxidation(OxidationResult oxidation)
    {
        var text = OxidationWords.Name(oxidation.Type);
        if (oxidation.Lean is { } lean)
        {
            text += ", leaning " + OxidationWords.Name(lean);
        }

        if (oxidation.Degree != OxidationDegree.None)
        {
            text += ", " + OxidationWords.Name(oxidation.Degree);
        }

        return text;
    }

    /// <summary>
    /// An evidence item being gathered: an input and the tests it passed (the first <paramref name="Count"/> of
    /// <paramref name="Tests"/>), or a finished band.
    /// </summary>
    private readonly record struct Item(EvidenceAtom Atom, IReadOnlyList<string>? Tests, Evidence? Fixed, int Count = 0);
}
