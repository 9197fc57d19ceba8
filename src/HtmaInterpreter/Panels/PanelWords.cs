namespace HtmaInterpreter.Panels;

/// <summary>
/// The words for a panel's sex and sample treatment, written once: the readers accept them (see <see cref="FieldRules"/>),
/// rule conditions and definition files use them, and reports and rule evidence show them.
/// </summary>
internal static class PanelWords
{
    /// <summary>The word for <see cref="Sex.Female"/>.</summary>
    internal const string Female = "female";

    /// <summary>The word for <see cref="Sex.Male"/>.</summary>
    internal const string Male = "male";

    /// <summary>The word for <see cref="SampleTreatment.Washed"/>.</summary>
    internal const string Washed = "washed";

    /// <summary>The word for <see cref="SampleTreatment.Unwashed"/>.</summary>
    internal const string Unwashed = "unwashed";

    /// <summary>The word for <see cref="SampleTreatment.Unknown"/>.</summary>
    internal const string UnknownTreatment = "unknown";

    /// <summary>The word for a sex, or <c>null</c> when not given.</summary>
    internal static string? Name(Sex sex) => sex switch
    {
        Sex.Female => Female,
        Sex.Male => Male,
        _ => null,
    };

    /// <summary>The word for a sample treatment (<c>unknown</c> when not given).</summary>
    internal static string Name(SampleTreatment treatment) => treatment switch
    {
        SampleTreatment.Washed => Washed,
        SampleTreatment.Unwashed => Unwashed,
        _ => UnknownTreatment,
    };
}
