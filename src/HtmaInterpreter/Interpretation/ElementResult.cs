using HtmaInterpreter.Labs;
using HtmaInterpreter.Panels;

namespace HtmaInterpreter;

/// <summary>One measurement of the panel placed against the lab profile used for the interpretation.</summary>
/// <param name="Measurement">The measurement as read.</param>
/// <param name="Level">Its level against the profile; <see cref="ElementLevel.Unknown"/> when not quantified, unrecognised or without a range.</param>
/// <param name="ProfileRange">The profile's reference range for the element, in the lab's unit, when it has one.</param>
/// <param name="ToxicLimit">The profile's toxic limit for the element, in the lab's unit, when it has one.</param>
/// <param name="Ideal">The profile's ideal value for the element, in the lab's unit, when it has one.</param>
public sealed record ElementResult(
    Measurement Measurement,
    ElementLevel Level,
    ReferenceRange? ProfileRange,
    Concentration? ToxicLimit,
    Concentration? Ideal);
