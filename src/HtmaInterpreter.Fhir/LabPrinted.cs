namespace HtmaInterpreter.Fhir;

/// <summary>
/// How the export marks the range and flag the lab itself printed, apart from the lab profile's range (typed
/// <c>normal</c>) and the H/L/N interpretation the profile gives; the import reads back only what carries these marks.
/// </summary>
internal static class LabPrinted
{
    /// <summary>The text of the <c>referenceRange</c> that is the lab's printed range (it has no type: its meaning is the lab's).</summary>
    public const string RangeText = "Reference range printed by the lab";

    /// <summary>What the text of the <c>interpretation</c> that is the lab's printed flag starts with; the flag follows as printed.</summary>
    public const string FlagPrefix = "Flag printed by the lab: ";
}
