namespace HtmaInterpreter.Ratios;

/// <summary>A tradition of ideal values (e.g. <c>wilson</c>, <c>tei</c>, <c>doctors-data</c>), from <c>ratios.yaml</c>.</summary>
/// <param name="Id">The id lab profiles refer to.</param>
/// <param name="Name">The display name.</param>
/// <param name="Source">Where the tradition's figures come from.</param>
internal sealed record IdealTradition(string Id, string Name, string Source);

/// <summary>A tradition's ideal for one ratio: a single value, a range, or both.</summary>
/// <param name="Value">The ideal value, when published.</param>
/// <param name="Low">The low end of the ideal or expected range, when published.</param>
/// <param name="High">The high end of the ideal or expected range, when published.</param>
/// <param name="Source">Where the figure comes from.</param>
/// <param name="Note">A remark on the figure (e.g. not confirmed), or <c>null</c>.</param>
internal sealed record RatioIdeal(double? Value, double? Low, double? High, string Source, string? Note = null);

/// <summary>A published grade band of a ratio; bands are tried in order and the first that matches wins.</summary>
/// <param name="Label">The band's label, e.g. <c>moderate inversion</c>.</param>
/// <param name="When">The condition as written in YAML, e.g. <c>&gt;= 1 and &lt; 2</c>.</param>
/// <param name="Source">Where the band comes from.</param>
internal sealed record RatioBand(string Label, string When, string Source)
{
    internal ValueCondition Condition { get; init; } = ValueCondition.Parse(When);
}

/// <summary>One mineral ratio as defined in <c>ratios.yaml</c>.</summary>
internal sealed record RatioDefinition
{
    /// <summary>The name as labs print it, <c>numerator/denominator</c>, e.g. <c>Ca/K</c>. Unique.</summary>
    public required string Name { get; init; }

    /// <summary>The numerator's element symbol.</summary>
    public required string Numerator { get; init; }

    /// <summary>The denominator's element symbol.</summary>
    public required string Denominator { get; init; }

    /// <summary>A longer display name, e.g. <c>Calcium/potassium (thyroid ratio)</c>.</summary>
    public required string DisplayName { get; init; }

    /// <summary>What the ratio is said to indicate, in the project's own words.</summary>
    public required string Indicates { get; init; }

    /// <summary>Where the definition comes from.</summary>
    public required string Source { get; init; }

    /// <summary>Ideals by tradition id; a tradition without a published figure is absent.</summary>
    public IReadOnlyDictionary<string, RatioIdeal> Ideals { get; init; } = new Dictionary<string, RatioIdeal>();

    /// <summary>Published grade bands by tradition id, in the order they are tried.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<RatioBand>> Bands { get; init; } = new Dictionary<string, IReadOnlyList<RatioBand>>();
}
