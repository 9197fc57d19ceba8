namespace HtmaInterpreter.Oxidation;

/// <summary>How pronounced the oxidation type is, from the model's bands.</summary>
public enum OxidationDegree
{
    /// <summary>No degree applies (indeterminate, mixed without a lean, or no bands in the model).</summary>
    None,

    /// <summary>Mild.</summary>
    Mild,

    /// <summary>Moderate.</summary>
    Moderate,

    /// <summary>Extreme.</summary>
    Extreme,
}
