namespace HtmaInterpreter.Rules;

/// <summary>How much attention a finding asks for. Findings are ordered <see cref="Refer"/> first, then <see cref="Attention"/>, then <see cref="Info"/>.</summary>
public enum RuleSeverity
{
    /// <summary>Background information.</summary>
    Info,

    /// <summary>A pattern worth acting on in a nutritional-balancing programme.</summary>
    Attention,

    /// <summary>Something that needs a physician: the finding is a referral.</summary>
    Refer,
}
