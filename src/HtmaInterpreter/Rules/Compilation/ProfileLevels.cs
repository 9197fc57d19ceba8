using HtmaInterpreter.Labs;
using HtmaInterpreter.Panels;

namespace HtmaInterpreter.Rules;

/// <summary>
/// A lab profile's limits, ranges and ideals for every element a rule set knows, looked up and converted to mg% once,
/// so that <c>is high</c>/<c>is low</c> at evaluation time is an array read and a decimal comparison.
/// <see cref="LevelOf(int, decimal)"/> gives exactly what <see cref="LabProfile.LevelOf"/> gives.
/// </summary>
internal sealed class ProfileLevels
{
    private readonly Entry[] _entries;

    public ProfileLevels(LabProfile profile, string[] elementSymbols)
    {
        ArgumentNullException.ThrowIfNull(profile);
        _entries = new Entry[elementSymbols.Length];
        UnknownLevelMessages = new string[elementSymbols.Length];
        for (var i = 0; i < elementSymbols.Length; i++)
        {
            var symbol = elementSymbols[i];
            UnknownLevelMessages[i] = $"{symbol} reference range or limit in lab profile '{profile.Id}'";
            // LabProfile.BasisOf decides what the element is judged against, the same order LevelOf uses.
            switch (profile.BasisOf(symbol))
            {
                case ElementLevelBasis.ToxicLimit:
                    _entries[i] = new Entry(EntryKind.ToxicLimit, profile.ToxicLimits[symbol].MilligramPercent, null);
                    break;
                case ElementLevelBasis.Range:
                    var inCanonical = profile.ReferenceRanges[symbol].To(ConcentrationUnit.MilligramPercent);
                    _entries[i] = new Entry(EntryKind.Range, inCanonical.Low, inCanonical.High);
                    break;
                case ElementLevelBasis.Ideal:
                    _entries[i] = new Entry(EntryKind.Ideal, profile.ElementIdeals[symbol].MilligramPercent, null);
                    break;
            }
        }
    }

    private enum EntryKind : byte
    {
        None,
        ToxicLimit,
        Range,
        Ideal,
    }

    /// <summary>True when the profile has a range, a limit or (grading against ideals) an ideal for the element at <paramref name="element"/>.</summary>
    public bool Grades(int element) => _entries[element].Kind != EntryKind.None;

    /// <summary>What a missing range or limit is reported as, by element index.</summary>
    public string[] UnknownLevelMessages { get; }

    /// <summary>The level of an amount in mg% of the element at <paramref name="element"/> (an index of the rule set's element symbols).</summary>
    public ElementLevel LevelOf(int element, decimal milligramPercent) => LevelOf(element, milligramPercent, (double)milligramPercent);

    /// <summary>
    /// The same, given the amount also as a double (<paramref name="approximately"/>, the amount converted): the
    /// doubles decide unless they are too close to tell, and then the decimals do, so the answer is exact.
    /// </summary>
    public ElementLevel LevelOf(int element, decimal milligramPercent, double approximately)
    {
        var entry = _entries[element];
        switch (entry.Kind)
        {
            case EntryKind.ToxicLimit:
                return Compare(approximately, milligramPercent, entry.FirstApproximately, entry.First) > 0 ? ElementLevel.Elevated : ElementLevel.WithinRange;
            case EntryKind.Range:
                if (entry.HasFirst && Compare(approximately, milligramPercent, entry.FirstApproximately, entry.First) < 0)
                {
                    return ElementLevel.Low;
                }

                return entry.HasSecond && Compare(approximately, milligramPercent, entry.SecondApproximately, entry.Second) > 0
                    ? ElementLevel.High
                    : ElementLevel.WithinRange;
            case EntryKind.Ideal:
                var order = Compare(approximately, milligramPercent, entry.FirstApproximately, entry.First);
                return order > 0 ? ElementLevel.High : order < 0 ? ElementLevel.Low : ElementLevel.WithinRange;
            default:
                return ElementLevel.Unknown;
        }
    }

    /// <summary>
    /// Compares two amounts by their doubles when these are clearly apart (a converted decimal is within a few parts
    /// in 10^16 of its value; a gap of a part in 10^9 cannot come from that), else by their decimals.
    /// </summary>
    private static int Compare(double amount, decimal exactAmount, double bound, decimal exactBound)
    {
        var gap = amount - bound;
        if (Math.Abs(gap) > 1e-9 * Math.Max(Math.Abs(amount), Math.Abs(bound)))
        {
            return gap > 0 ? 1 : -1;
        }

        return exactAmount.CompareTo(exactBound);
    }

    /// <summary>A limit (First), a range (First = low, Second = high, either open) or an ideal (First), in mg%, also as doubles.</summary>
    private readonly record struct Entry(EntryKind Kind, decimal First, bool HasFirst, decimal Second, bool HasSecond)
    {
        public Entry(EntryKind kind, decimal? first, decimal? second)
            : this(kind, first ?? 0m, first.HasValue, second ?? 0m, second.HasValue)
        {
        }

        public double FirstApproximately { get; } = (double)First;

        public double SecondApproximately { get; } = (double)Second;
    }
}
