namespace HtmaInterpreter.Labs;

/// <summary>Where a measurement lies against a lab profile's reference range or toxic limit.</summary>
public enum ElementLevel
{
    /// <summary>No usable value or no range for this element in the profile.</summary>
    Unknown,

    /// <summary>Below the profile's reference range.</summary>
    Low,

    /// <summary>Within the profile's reference range.</summary>
    WithinRange,

    /// <summary>Above the profile's reference range (nutrients).</summary>
    High,

    /// <summary>Above the profile's toxic limit (toxic metals).</summary>
    Elevated,
}
