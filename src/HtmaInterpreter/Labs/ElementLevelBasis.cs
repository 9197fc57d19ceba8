namespace HtmaInterpreter.Labs;

/// <summary>What a lab profile judged an element's <see cref="ElementLevel"/> against.</summary>
internal enum ElementLevelBasis
{
    /// <summary>Nothing: the profile has no reference range, toxic limit or graded ideal for the element.</summary>
    None,

    /// <summary>The profile's reference range or published cut-off: low, within or high mean what the source calls low or high.</summary>
    Range,

    /// <summary>
    /// An ideal value only (a profile that grades against ideals, e.g. ARL with Wilson's Ca 40 mg%): high and low mean
    /// only above and below the ideal, not outside a published range; see <see cref="ElementResult.FromIdeal"/> for how far.
    /// </summary>
    Ideal,

    /// <summary>The profile's toxic limit: elevated above it, within at or below it.</summary>
    ToxicLimit,
}
