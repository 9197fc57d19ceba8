namespace HtmaInterpreter.Labs;

/// <summary>
/// Where a measurement lies against a lab profile's toxic limit, else its reference range, else (on a profile that
/// <see cref="LabProfile.GradesAgainstIdeals"/>) its ideal: the first of <see cref="ElementResult.ToxicLimit"/>,
/// <see cref="ElementResult.ProfileRange"/> and <see cref="ElementResult.Ideal"/> the profile has. Only against a range
/// do low and high mean what a published range or cut-off calls low or high.
/// </summary>
public enum ElementLevel
{
    /// <summary>No range, limit or graded ideal for this element in the profile, or a value reported as <c>&lt;x</c>/<c>&gt;x</c> that may lie on either side.</summary>
    Unknown,

    /// <summary>Below the profile's reference range, or below its ideal when graded against the ideal.</summary>
    Low,

    /// <summary>Within the profile's reference range, at or below its toxic limit, or at its ideal.</summary>
    WithinRange,

    /// <summary>Above the profile's reference range (nutrients), or above its ideal when graded against the ideal.</summary>
    High,

    /// <summary>Above the profile's toxic limit (toxic metals).</summary>
    Elevated,
}
