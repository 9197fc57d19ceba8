namespace HtmaInterpreter.Retests;

/// <summary>One test of a comparison: its interpretation, when it was collected and its overall balance distance.</summary>
public sealed record RetestTest
{
    internal RetestTest(int index, Interpretation interpretation, double? monthsFromFirst, Retests.BalanceDistance balance)
    {
        Index = index;
        Interpretation = interpretation;
        MonthsFromFirst = monthsFromFirst;
        Balance = balance;
    }

    /// <summary>The 0-based position in collection order.</summary>
    public int Index { get; }

    /// <summary>The full single-panel interpretation.</summary>
    public Interpretation Interpretation { get; }

    /// <summary>Months (of <see cref="RetestComparison.DaysPerMonth"/> days) since the first test; <c>null</c> when a date is missing.</summary>
    public double? MonthsFromFirst { get; }

    /// <summary>
    /// How far this test lies from the ideal profile overall: the root-mean-square of <c>log10(ratio / ideal)</c> over
    /// the key ratios (<see cref="RetestComparison.KeyRatios"/>) the test has with an ideal; 0 when every one is at its
    /// ideal, 0.30 when they are on average a factor of 2 away; <c>null</c> when no key ratio could be used.
    /// </summary>
    public double? BalanceDistance => Balance.Value;

    /// <summary>The balance distance with the key ratios used and those left out.</summary>
    internal Retests.BalanceDistance Balance { get; }

    /// <summary>The panel's sample id.</summary>
    public string SampleId => Interpretation.Panel.SampleId;

    /// <summary>The collection date, when given.</summary>
    public DateOnly? CollectedOn => Interpretation.Panel.CollectedOn;
}
