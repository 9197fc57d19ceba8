namespace HtmaInterpreter.Diagnostics;

public static partial class DiagnosticCodes
{
    /// <summary>A rule file is not well-formed YAML, or could not be read.</summary>
    public const string RuleFileUnreadable = "HTMA0501";

    /// <summary>A rule has an unknown key, lacks a required key, or a key has the wrong shape or value.</summary>
    public const string RuleSchema = "HTMA0502";

    /// <summary>Two rules share one id.</summary>
    public const string DuplicateRuleId = "HTMA0503";

    /// <summary>A rule condition is not a valid expression (syntax error).</summary>
    public const string ConditionSyntax = "HTMA0504";

    /// <summary>A condition names an element symbol the catalogue does not know.</summary>
    public const string UnknownElementInRule = "HTMA0505";

    /// <summary>A condition names a ratio that is not in the known ratio set.</summary>
    public const string UnknownRatioInRule = "HTMA0506";

    /// <summary>A condition refers to a rule id (<c>pattern x</c> / <c>fired(x)</c>) that does not exist or could not be compiled.</summary>
    public const string UnknownPattern = "HTMA0507";

    /// <summary>A condition uses a client-context key or value that the context vocabulary does not know.</summary>
    public const string UnknownContextKeyInRule = "HTMA0508";

    /// <summary>A condition compares or tests values of incompatible kinds (e.g. a ratio against mg%).</summary>
    public const string ConditionTypeMismatch = "HTMA0509";

    /// <summary>Rules depend on each other in a cycle through <c>pattern</c> / <c>fired</c>.</summary>
    public const string RuleCycle = "HTMA0510";

    /// <summary>A number in a condition or band carries a unit that is not a known concentration unit.</summary>
    public const string UnknownUnitInRule = "HTMA0511";

    /// <summary>The rule folder does not exist or holds no rule files.</summary>
    public const string RuleFolderProblem = "HTMA0512";

    /// <summary>A rule's condition uses a numeric threshold but the rule names no <c>threshold_sources</c>.</summary>
    public const string ThresholdWithoutSource = "HTMA0513";

    /// <summary>A rule condition is longer than <see cref="InputLimits.MaxConditionCharacters"/>; the rule is not loaded (error).</summary>
    public const string ConditionTooLong = "HTMA0514";

    /// <summary>A rule condition nests parentheses or <c>not</c> deeper than <see cref="InputLimits.MaxConditionNesting"/>; the rule is not loaded (error).</summary>
    public const string ConditionTooDeep = "HTMA0515";

    /// <summary>A rule condition has more terms than <see cref="InputLimits.MaxConditionTerms"/>; the rule is not loaded (error).</summary>
    public const string ConditionTooManyTerms = "HTMA0516";
}
