namespace HtmaInterpreter.Diagnostics;

public static partial class DiagnosticCodes
{
    /// <summary>A client-context file could not be read or is not well-formed YAML or JSON.</summary>
    public const string ContextUnreadable = "HTMA0601";

    /// <summary>A client-context key is not known (e.g. a misspelt <c>symtoms</c>).</summary>
    public const string UnknownContextKey = "HTMA0602";

    /// <summary>A client-context list holds a value that is not in its vocabulary (e.g. an unknown symptom).</summary>
    public const string UnknownContextValue = "HTMA0603";

    /// <summary>A client-context value has the wrong shape (e.g. an age that is not a whole number, a sex other than female/male).</summary>
    public const string InvalidContextValue = "HTMA0604";
}
