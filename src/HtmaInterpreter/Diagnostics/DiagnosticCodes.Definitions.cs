namespace HtmaInterpreter.Diagnostics;

public static partial class DiagnosticCodes
{
    /// <summary>A definitions YAML file is not valid YAML (syntax error, duplicate key in one mapping).</summary>
    public const string DefinitionsYamlSyntax = "HTMA0301";

    /// <summary>A definitions YAML file has a key the schema does not know.</summary>
    public const string DefinitionsUnknownKey = "HTMA0302";

    /// <summary>A definitions value has the wrong type (e.g. text where a number is expected, a list where a mapping is expected).</summary>
    public const string DefinitionsWrongType = "HTMA0303";

    /// <summary>A required key is missing from a definitions YAML file.</summary>
    public const string DefinitionsMissingKey = "HTMA0304";

    /// <summary>A definitions file names an element symbol that is not in the element catalogue.</summary>
    public const string DefinitionsUnknownElement = "HTMA0305";

    /// <summary>A definitions file names a ratio that <c>ratios.yaml</c> does not define.</summary>
    public const string DefinitionsUnknownRatio = "HTMA0306";

    /// <summary>Two definitions share one id (ratio name, lab id or alias, model id, tradition id).</summary>
    public const string DefinitionsDuplicateId = "HTMA0307";

    /// <summary>A definitions value is of the right type but not allowed (bad condition text, unknown unit, overlapping slow/fast conditions, ...).</summary>
    public const string DefinitionsInvalidValue = "HTMA0308";

    /// <summary>A definitions value refers to something not defined (tradition, default lab, default model).</summary>
    public const string DefinitionsUnknownReference = "HTMA0309";

    /// <summary>A definitions file or folder is missing or cannot be read.</summary>
    public const string DefinitionsFileNotFound = "HTMA0310";
}
