namespace HtmaInterpreter.Retests;

/// <summary>
/// Whether a value moved toward or away from its ideal between two tests. It is judged by the distance to the ideal
/// (or to the reference band, or to zero for a toxic metal) before and after, never by the sign of the change alone.
/// </summary>
public enum ChangeDirection
{
    /// <summary>One of the two values is missing, so nothing can be said.</summary>
    NotComparable,

    /// <summary>Neither an ideal, a reference band nor a toxic reading applies; no judgement is made.</summary>
    NoIdeal,

    /// <summary>The distance to the ideal is the same at both tests (e.g. inside the reference band both times, or no change).</summary>
    Same,

    /// <summary>The value is closer to its ideal (or band) than before; for a toxic metal, lower than before.</summary>
    Toward,

    /// <summary>The value is further from its ideal (or band) than before; for a toxic metal, higher than before.</summary>
    Away,
}
