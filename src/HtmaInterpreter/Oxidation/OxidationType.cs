namespace HtmaInterpreter.Oxidation;

/// <summary>The metabolic (oxidation) type read from the panel.</summary>
public enum OxidationType
{
    /// <summary>The model could not decide (a deciding ratio is missing).</summary>
    Indeterminate,

    /// <summary>Slow oxidation.</summary>
    Slow,

    /// <summary>Fast oxidation.</summary>
    Fast,

    /// <summary>The deciding ratios disagree.</summary>
    Mixed,
}
