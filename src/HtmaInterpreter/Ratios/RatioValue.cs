namespace HtmaInterpreter.Ratios;

/// <summary>One computed mineral ratio of a panel, with its ideal and grade band.</summary>
public sealed record RatioValue
{
    /// <summary>The ratio's name as labs print it, e.g. <c>Ca/K</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The numerator's element symbol.</summary>
    public required string Numerator { get; init; }

    /// <summary>The denominator's element symbol.</summary>
    public required string Denominator { get; init; }

    /// <summary>The ratio computed after converting both elements to one unit. Always finite and positive.</summary>
    public required double Value { get; init; }

    /// <summary>The ideal value in the tradition the lab profile uses, when one is published.</summary>
    public double? Ideal { get; init; }

    /// <summary>How far the value is from the ideal on a log scale: <c>log10(Value / Ideal)</c>; positive means above ideal.</summary>
    public double? Deviation { get; init; }

    /// <summary>The low end of the tradition's ideal or expected range, when published.</summary>
    public double? IdealLow { get; init; }

    /// <summary>The high end of the tradition's ideal or expected range, when published.</summary>
    public double? IdealHigh { get; init; }

    /// <summary>The tradition the ideal and band come from (the lab profile's, e.g. <c>wilson</c>).</summary>
    public string? Tradition { get; init; }

    /// <summary>The ratio's longer display name, e.g. <c>Calcium/potassium (thyroid ratio)</c>.</summary>
    public string? DisplayName { get; init; }

    /// <summary>The published grade band the value falls in (e.g. <c>moderate inversion</c>), when bands are defined.</summary>
    public string? Band { get; init; }
}
