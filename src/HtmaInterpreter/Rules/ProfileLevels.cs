using HtmaInterpreter.Labs;
using HtmaInterpreter.Panels;

namespace HtmaInterpreter.Rules;

/// <summary>
/// A lab profile's limits, ranges and ideals for every element a rule set knows, looked up and converted to mg% once,
/// so that <c>is high</c>/<c>is low</c> at evaluation time is an array read and a decimal comparison.
/// <see cref="LevelOf"/> gives exactly what <see cref="LabProfile.LevelOf"/> gives.
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
            if (profile.ToxicLimits.TryGetValue(symbol, out var limit))
            {
                _entries[i] = new Entry(EntryKind.ToxicLimit, limit.MilligramPercent, null);
            }
            else if (profile.ReferenceRanges.TryGetValue(symbol, out var range))
            {
                var inCanonical = range.To(ConcentrationUnit.MilligramPercent);
                _entries[i] = new Entry(EntryKind.Range, inCanonical.Low, inCanonical.High);
            }
            else if (profile.GradesAgainstIdeals && profile.ElementIdeals.TryGetValue(symbol, out var ideal))
            {
                _entries[i] = new Entry(EntryKind.Ideal, ideal.MilligramPercent, null);
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

    /// <summary>What a missing range or limit is reported as, by element index.</summary>
    public string[] UnknownLevelMessages { get; }

    /// <summary>The level of an amount in mg% of the element at <paramref name="element"/> (an index of the rule set's element symbols).</summary>
    public ElementLevel LevelOf(int element, decimal milligramPercent)
    {
        var entry = _entries[element];
        switch (entry.Kind)
        {
            case EntryKind.ToxicLimit:
                return milligramPercent > entry.First!.Value ? ElementLevel.Elevated : ElementLevel.WithinRange;
            case EntryKind.Range:
                if (entry.First is { } low && milligramPercent < low)
                {
                    return ElementLevel.Low;
                }

                return entry.Second is { } high && milligramPercent > high ? ElementLevel.High : ElementLevel.WithinRange;
            case EntryKind.Ideal:
                var ideal = entry.First!.Value;
                return milligramPercent > ideal ? ElementLevel.High
                    : milligramPercent < ideal ? ElementLevel.Low
                    : ElementLevel.WithinRange;
            default:
                return ElementLevel.Unknown;
        }
    }

    /// <summary>A limit (First), a range (First = low, Second = high, either open) or an ideal (First), in mg%.</summary>
    private readonly record struct Entry(EntryKind Kind, decimal? First, decimal? Second);
}
