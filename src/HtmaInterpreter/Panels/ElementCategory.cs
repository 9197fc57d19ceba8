namespace HtmaInterpreter.Panels;

/// <summary>How the labs group an element on their reports.</summary>
public enum ElementCategory
{
    /// <summary>A nutrient mineral (Ca, Mg, Na, K, Zn, Cu, ...).</summary>
    Nutrient,

    /// <summary>A toxic metal (Pb, Hg, Cd, As, Al, ...).</summary>
    Toxic,

    /// <summary>An additional element that some labs report without a nutrient or toxic grouping (Li, V, Sr, ...).</summary>
    Additional,
}
