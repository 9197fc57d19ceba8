namespace HtmaInterpreter.Diagnostics;

public static partial class DiagnosticCodes
{
    /// <summary>A ratio was not computed because the panel does not report one of its elements (info).</summary>
    public const string RatioElementMissing = "HTMA0401";

    /// <summary>A ratio was not computed because one of its elements was not detected or is below the detection limit (info).</summary>
    public const string RatioElementNotDetected = "HTMA0402";

    /// <summary>A ratio was not computed because one of its elements is zero or negative (warning).</summary>
    public const string RatioElementNotPositive = "HTMA0403";

    /// <summary>A ratio was not computed because one of its elements is above the lab's quantitation limit (warning).</summary>
    public const string RatioElementAboveLimit = "HTMA0404";

    /// <summary>The panel names no lab; the default lab profile was used (info).</summary>
    public const string LabNotNamed = "HTMA0410";

    /// <summary>The panel's lab is not a known profile; the default lab profile was used (warning).</summary>
    public const string LabUnknown = "HTMA0411";

    /// <summary>The caller asked for a lab profile id that does not exist; the panel's lab or the default was used (error).</summary>
    public const string LabOverrideUnknown = "HTMA0412";

    /// <summary>The caller asked for an oxidation model id that does not exist; the default model was used (error).</summary>
    public const string OxidationModelUnknown = "HTMA0413";

    /// <summary>The oxidation type is indeterminate because a deciding ratio could not be computed (warning).</summary>
    public const string OxidationIndeterminate = "HTMA0420";

    /// <summary>The sample was washed, but the oxidation model is calibrated on unwashed hair (warning).</summary>
    public const string WashedSample = "HTMA0421";

    /// <summary>The four-lows check could not be made because an element is missing (info).</summary>
    public const string FourLowsNotChecked = "HTMA0422";
}
