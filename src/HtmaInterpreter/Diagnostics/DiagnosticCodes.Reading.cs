namespace HtmaInterpreter.Diagnostics;

public static partial class DiagnosticCodes
{
    // HTMA01xx: reading files. HTMA02xx: panel values and units. Declared by the readers.
}
