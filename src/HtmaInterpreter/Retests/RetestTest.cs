namespace HtmaInterpreter.Retests;

/// <summary>One test of a comparison: its interpretation, when it was collected and its overall balance distance.</summary>
/// <param name="Index">The 0-based position in collection order.</param>
/// <param name="Interpretation">The full single-panel interpretation.</param>
/// <param name="MonthsFromFirst">Months (of <see cref="RetestComparison.DaysPerMonth"/> days) since the first test; <c>null</c> when a date is missing.</param>
/// <param name="Balance">The balance distance from the ideal profile.</param>
public sealed record RetestTest(int Index, Interpretation Interpretation, double? MonthsFromFirst, BalanceDistance Balance)
{
    /// <summary>The panel's sample id.</summary>
    public string SampleId => Interpretation.Panel.SampleId;

    /// <summary>The collection date, when given.</summary>
    public DateOnly? CollectedOn => Interpretation.Panel.CollectedOn;
}
