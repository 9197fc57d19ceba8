using HtmaInterpreter.Labs;
using HtmaInterpreter.Panels;

namespace HtmaInterpreter;

/// <summary>One measurement of the panel placed against the lab profile used for the interpretation.</summary>
/// <param name="Measurement">The measurement as read.</param>
/// <param name="Level">
/// Its level against the profile; <see cref="ElementLevel.Unknown"/> when unrecognised, without a range, limit or graded
/// ideal, or when a value reported as <c>&lt;x</c> or <c>&gt;x</c> could lie on either side (a value below a
/// detection limit at or under a toxic limit is within it; not detected counts as zero, as in the rules).
/// </param>
/// <param name="ProfileRange">The profile's reference range for the element, in the lab's unit, when it has one.</param>
/// <param name="ToxicLimit">The profile's toxic limit for the element, in the lab's unit, when it has one.</param>
/// <param name="Ideal">The profile's ideal value for the element, in the lab's unit, when it has one.</param>
public sealed record ElementResult(
    Measurement Measurement,
    ElementLevel Level,
    ReferenceRange? ProfileRange,
    Concentration? ToxicLimit,
    Concentration? Ideal)
{
    /// <summary>What <see cref="Level"/> was judged against; <see cref="ElementLevelBasis.None"/> when nothing.</summary>
    internal ElementLevelBasis Basis { get; init; }

    /// <summary>
    /// True when <see cref="Level"/> was judged against the profile's ideal only (no reference range or toxic limit):
    /// then high and low mean above and below the ideal, not outside a published range. Set by the interpreter that made
    /// the result; a result constructed by other code, or copied with <c>with</c> and other ranges, keeps the basis it
    /// had (<c>false</c> for one constructed directly), so such code should judge by <see cref="ProfileRange"/> and
    /// <see cref="ToxicLimit"/> itself.
    /// </summary>
    public bool IsJudgedAgainstIdealOnly => Basis == ElementLevelBasis.Ideal;

    /// <summary>
    /// How far the value is from the profile's ideal: the value divided by <see cref="Ideal"/> (1.03 for Ca 41 against 40),
    /// whatever the level was judged against; <c>null</c> when there is no positive ideal or the value is not a quantified
    /// number (<c>&lt;x</c>, <c>&gt;x</c>, ND).
    /// </summary>
    public double? FromIdeal =>
        Measurement.IsQuantified && Ideal is { MilligramPercent: > 0 } ideal
            ? (double)Measurement.MilligramPercent / (double)ideal.MilligramPercent
            : null;
}
