using HtmaInterpreter.Diagnostics;

namespace HtmaInterpreter.Panels;

/// <summary>
/// One element's result on a panel, kept as the lab printed it. An element the catalogue does not know is kept
/// with <see cref="Element"/> set to <c>null</c>, so that nothing the lab reported is lost.
/// </summary>
public sealed record Measurement
{
    /// <summary>Creates a measurement.</summary>
    /// <param name="reportedName">The element name as printed (e.g. <c>CA</c>, <c>Calcium</c>).</param>
    /// <param name="element">The recognised element, or <c>null</c> when the name is not in the catalogue.</param>
    /// <param name="amount">The value and unit as printed.</param>
    /// <param name="qualifier">Whether the value is exact, a detection limit or not detected.</param>
    /// <param name="labRange">The lab's printed reference range, when given.</param>
    /// <param name="labFlag">The lab's printed flag (e.g. <c>H</c>, <c>L</c>), when given.</param>
    /// <param name="source">Where in the input it was read; not part of equality.</param>
    public Measurement(
        string reportedName,
        Element? element,
        Concentration amount,
        MeasurementQualifier qualifier = MeasurementQualifier.Exact,
        ReferenceRange? labRange = null,
        string? labFlag = null,
        SourceLocation? source = null)
    {
        ArgumentNullException.ThrowIfNull(reportedName);
        ReportedName = reportedName;
        Element = element;
        Amount = amount;
        Qualifier = qualifier;
        LabRange = labRange;
        LabFlag = labFlag;
        Source = source;
    }

    /// <summary>The element name as the lab printed it.</summary>
    public string ReportedName { get; init; }

    /// <summary>The recognised element, or <c>null</c> when unrecognised.</summary>
    public Element? Element { get; init; }

    /// <summary>The value and unit as printed.</summary>
    public Concentration Amount { get; init; }

    /// <summary>Whether the value is exact, a detection limit or not detected.</summary>
    public MeasurementQualifier Qualifier { get; init; }

    /// <summary>The lab's printed reference range, when given.</summary>
    public ReferenceRange? LabRange { get; init; }

    /// <summary>The lab's printed flag, when given.</summary>
    public string? LabFlag { get; init; }

    /// <summary>Where in the input this was read (file, line, column); not part of equality.</summary>
    public SourceLocation? Source { get; init; }

    /// <summary>The amount in mg%, the canonical unit.</summary>
    public decimal MilligramPercent => Amount.MilligramPercent;

    /// <summary>True when the value is an exact, usable number (not a detection limit, not ND).</summary>
    public bool IsQuantified => Qualifier == MeasurementQualifier.Exact;

    /// <summary>
    /// True when the value is physically impossible: above <see cref="PhysicalLimitMilligramPercent"/> (a detection limit
    /// or a not-detected value never is). Every reader warns about such a value (a unit mix-up or a typing error) and keeps it.
    /// </summary>
    public bool IsPhysicallyImpossible => FieldRules.IsAbsurd(Qualifier, MilligramPercent);

    /// <summary>
    /// The amount, in mg%, above which a value is physically impossible: 10,000 mg% is a tenth of the hair's mass, which
    /// no single mineral can make up (a physical bound, not a clinical reference figure).
    /// </summary>
    public static decimal PhysicalLimitMilligramPercent => FieldRules.AbsurdMilligramPercent;

    /// <summary>True when the element is in the catalogue.</summary>
    public bool IsRecognised => Element is not null;

    /// <inheritdoc />
    public bool Equals(Measurement? other) =>
        other is not null
        && string.Equals(ReportedName, other.ReportedName, StringComparison.Ordinal)
        && Equals(Element, other.Element)
        && Amount.Equals(other.Amount)
        && Qualifier == other.Qualifier
        && Equals(LabRange, other.LabRange)
        && string.Equals(LabFlag, other.LabFlag, StringComparison.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(ReportedName, Element, Amount, Qualifier, LabRange, LabFlag);
}
