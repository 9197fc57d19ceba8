namespace HtmaInterpreter.Panels;

/// <summary>What kind of number a measurement is.</summary>
public enum MeasurementQualifier
{
    /// <summary>A quantified value.</summary>
    Exact,

    /// <summary>Below the detection limit, printed like <c>&lt;0.002</c>: the amount holds the limit.</summary>
    BelowDetectionLimit,

    /// <summary>Not detected, printed <c>ND</c>: the amount is zero and carries no information.</summary>
    NotDetected,

    /// <summary>Above the upper quantitation limit, printed like <c>&gt;500</c>: the amount holds the limit.</summary>
    AboveQuantitationLimit,
}
