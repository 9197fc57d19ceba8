namespace HtmaInterpreter.Panels;

/// <summary>Whether the lab washed the hair before analysis. Washing lowers Na and K a lot, which matters for the oxidation model.</summary>
public enum SampleTreatment
{
    /// <summary>Not stated on the input; the lab profile's default applies.</summary>
    Unknown,

    /// <summary>Washed at the lab (e.g. Doctor's Data).</summary>
    Washed,

    /// <summary>Not washed at the lab (e.g. ARL, TEI).</summary>
    Unwashed,
}
