namespace HtmaInterpreter.Panels;

/// <summary>The subject's sex as given on the lab form; some patterns (calcium shell) have sex-specific thresholds.</summary>
public enum Sex
{
    /// <summary>Not given.</summary>
    Unknown,

    /// <summary>Female.</summary>
    Female,

    /// <summary>Male.</summary>
    Male,
}
