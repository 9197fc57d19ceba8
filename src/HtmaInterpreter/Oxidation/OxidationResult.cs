namespace HtmaInterpreter.Oxidation;

/// <summary>One ratio's vote in the oxidation decision: its value, the threshold it was compared with and what it indicated.</summary>
/// <param name="Ratio">The ratio name, e.g. <c>Ca/K</c>.</param>
/// <param name="Value">The panel's value.</param>
/// <param name="Threshold">The model's threshold for this ratio.</param>
/// <param name="Indicates">What the comparison indicated (<see cref="OxidationType.Slow"/> or <see cref="OxidationType.Fast"/>).</param>
public sealed record DecidingRatio(string Ratio, double Value, double Threshold, OxidationType Indicates);

/// <summary>The oxidation (metabolic) type of a panel under a named model, with what decided it.</summary>
public sealed record OxidationResult
{
    /// <summary>The type.</summary>
    public required OxidationType Type { get; init; }

    /// <summary>The word every report uses for an oxidation type: <c>slow</c>, <c>fast</c>, <c>mixed</c>, <c>indeterminate</c>.</summary>
    /// <param name="type">The type.</param>
    /// <returns>The word.</returns>
    public static string WordFor(OxidationType type) => OxidationWords.Name(type);

    /// <summary>The word every report uses for a degree: <c>mild</c>, <c>moderate</c>, <c>extreme</c>; <c>null</c> for <see cref="OxidationDegree.None"/>.</summary>
    /// <param name="degree">The degree.</param>
    /// <returns>The word, or <c>null</c>.</returns>
    public static string? WordFor(OxidationDegree degree) => OxidationWords.Name(degree);

    /// <summary>For <see cref="OxidationType.Mixed"/>: the type the panel leans to (slow or fast); otherwise <c>null</c>.</summary>
    public OxidationType? Lean { get; init; }

    /// <summary>How pronounced the type (or, for mixed, the lean) is.</summary>
    public OxidationDegree Degree { get; init; }

    /// <summary>True when all four of Ca, Mg, Na and K are below the model's four-lows thresholds (checked before the type).</summary>
    public bool FourLows { get; init; }

    /// <summary>The Na/K qualifier (e.g. <c>inversion</c>), which qualifies but does not decide the type; <c>null</c> when Na/K is missing.</summary>
    public string? SodiumPotassiumQualifier { get; init; }

    /// <summary>The stage of stress (e.g. <c>alarm</c>, <c>resistance</c>, <c>exhaustion</c>) when the model defines one for this type, degree and qualifier; otherwise <c>null</c>.</summary>
    public string? StressStage { get; init; }

    /// <summary>The ratios and thresholds that decided the type, in the model's order.</summary>
    public IReadOnlyList<DecidingRatio> DecidingRatios { get; init; } = [];

    /// <summary>The id of the oxidation model used, e.g. <c>eck-wilson</c>.</summary>
    public required string ModelId { get; init; }

    /// <summary>The id of the lab profile used, e.g. <c>arl</c>.</summary>
    public required string LabProfileId { get; init; }

    /// <summary>Caveats and explanations that belong with the result (e.g. washed-sample caveat, why it is indeterminate).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
