namespace HtmaInterpreter.Extensions.DependencyInjection;

/// <summary>
/// The <see cref="Microsoft.Extensions.Logging.EventId"/>s this package logs with; stable across versions, so a host
/// may filter or alert on them. No event carries a patient value, a name, a sample id or any content of the input.
/// </summary>
public static class HtmaLogEvents
{
    /// <summary>The definitions and the rule set were loaded (counts, rule-set name and version). Information.</summary>
    public const int DefinitionsLoaded = 1601;

    /// <summary>The configured definitions could not be loaded (error count and diagnostic codes). Error.</summary>
    public const int DefinitionsRejected = 1602;

    /// <summary>A panel was interpreted (a per-process pseudonym of the sample id, counts of findings, referrals and diagnostics). Information.</summary>
    public const int PanelInterpreted = 1603;

    /// <summary>Input had errors (the count and the diagnostic codes only). Warning.</summary>
    public const int InputRejected = 1604;

    /// <summary>A retest comparison was made (the number of panels and of findings). Information.</summary>
    public const int RetestCompared = 1605;

    /// <summary>A retest comparison could not be made (the diagnostic codes only). Warning.</summary>
    public const int RetestRejected = 1606;
}
