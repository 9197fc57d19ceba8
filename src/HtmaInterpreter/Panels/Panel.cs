using HtmaInterpreter.Diagnostics;

namespace HtmaInterpreter.Panels;

/// <summary>
/// One hair mineral test: who and when, and every measurement the lab reported, recognised or not.
/// Immutable; equality compares content (metadata and measurements in order), not where it was read from,
/// so the same panel read from CSV, YAML and JSON is equal.
/// </summary>
public sealed record Panel
{
    /// <summary>Creates a panel.</summary>
    /// <param name="sampleId">The lab's sample or report id.</param>
    /// <param name="measurements">Every measurement, in the order the lab printed them.</param>
    public Panel(string sampleId, IReadOnlyList<Measurement> measurements)
    {
        ArgumentNullException.ThrowIfNull(sampleId);
        ArgumentNullException.ThrowIfNull(measurements);
        SampleId = sampleId;
        Measurements = measurements;
    }

    /// <summary>The lab's sample or report id.</summary>
    public string SampleId { get; init; }

    /// <summary>An id of the person tested, when given; used to check that retests belong to one person.</summary>
    public string? SubjectId { get; init; }

    /// <summary>The lab's name as given on the input (e.g. <c>ARL</c>, <c>TEI</c>, <c>Doctor's Data</c>).</summary>
    public string? Lab { get; init; }

    /// <summary>The date the sample was collected.</summary>
    public DateOnly? CollectedOn { get; init; }

    /// <summary>Whether the lab washed the sample, when stated.</summary>
    public SampleTreatment Treatment { get; init; }

    /// <summary>The subject's sex, when given.</summary>
    public Sex Sex { get; init; }

    /// <summary>The subject's age in years, when given.</summary>
    public int? AgeYears { get; init; }

    /// <summary>The oldest age, in years, a reader accepts as a person's age (0 to this); anything above is a typing error and is not read.</summary>
    public static int MaxAgeYears => FieldRules.MaxAgeYears;

    /// <summary>Every measurement, in the order the lab printed them, including unrecognised elements.</summary>
    public IReadOnlyList<Measurement> Measurements { get; init; }

    /// <summary>Metadata fields the reader did not know, kept as text (name → value), in input order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ExtraFields { get; init; } = [];

    /// <summary>Where the panel was read from; not part of equality.</summary>
    public SourceLocation? Source { get; init; }

    /// <summary>The measurements of unrecognised elements.</summary>
    public IEnumerable<Measurement> Unrecognised => Measurements.Where(m => !m.IsRecognised);

    /// <summary>Finds the measurement of an element.</summary>
    /// <param name="element">The element.</param>
    /// <returns>The measurement, or <c>null</c> when the panel does not report it.</returns>
    public Measurement? Find(Element element)
    {
        ArgumentNullException.ThrowIfNull(element);
        foreach (var measurement in Measurements)
        {
            if (Equals(measurement.Element, element))
            {
                return measurement;
            }
        }

        return null;
    }

    /// <summary>Finds the measurement of an element by symbol (e.g. <c>Ca</c>).</summary>
    /// <param name="symbol">The chemical symbol, case-sensitive.</param>
    /// <returns>The measurement, or <c>null</c> when the panel does not report it.</returns>
    public Measurement? Find(string symbol)
    {
        foreach (var measurement in Measurements)
        {
            if (measurement.Element is { } element && string.Equals(element.Symbol, symbol, StringComparison.Ordinal))
            {
                return measurement;
            }
        }

        return null;
    }

    /// <inheritdoc />
    public bool Equals(Panel? other) =>
        other is not null
        && string.Equals(SampleId, other.SampleId, StringComparison.Ordinal)
        && string.Equals(SubjectId, other.SubjectId, StringComparison.Ordinal)
        && string.Equals(Lab, other.Lab, StringComparison.Ordinal)
        && CollectedOn == other.CollectedOn
        && Treatment == other.Treatment
        && Sex == other.Sex
        && AgeYears == other.AgeYears
        && Measurements.SequenceEqual(other.Measurements)
        && ExtraFields.SequenceEqual(other.ExtraFields);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(SampleId, Lab, CollectedOn, Measurements.Count);
}
