namespace HtmaInterpreter.Fhir;

/// <summary>
/// The code-system URIs the FHIR export writes and the import reads. Standard systems are HL7's and LOINC's; the
/// project's own systems share one base, <see cref="ProjectBase"/> (listed in this project's README).
/// </summary>
public static class FhirSystems
{
    /// <summary>The base of every code system this project defines.</summary>
    public const string ProjectBase = "https://github.com/htma-interpreter/HtmaInterpreter/fhir/CodeSystem/";

    /// <summary>Ratio codes: the ratio's name as the definitions spell it (<c>Ca/Mg</c>, <c>Na/K</c>, ...).</summary>
    public const string Ratio = ProjectBase + "htma-ratio";

    /// <summary>Rule codes: the rule's id in the rule set.</summary>
    public const string Rule = ProjectBase + "htma-rule";

    /// <summary>Codes of the project's other observations: <c>oxidation-type</c>, <c>age</c>, and a finding's <c>severity</c> and <c>referral</c> components.</summary>
    public const string Observation = ProjectBase + "htma-observation";

    /// <summary>Oxidation types: <c>slow</c>, <c>fast</c>, <c>mixed</c>, <c>indeterminate</c>.</summary>
    public const string OxidationType = ProjectBase + "htma-oxidation-type";

    /// <summary>Finding severities: <c>info</c>, <c>attention</c>, <c>refer</c>.</summary>
    public const string Severity = ProjectBase + "htma-severity";

    /// <summary>LOINC.</summary>
    public const string Loinc = "http://loinc.org";

    /// <summary>UCUM units.</summary>
    public const string Ucum = "http://unitsofmeasure.org";

    /// <summary>HL7 v2 table 0074, diagnostic service section (<c>LAB</c>).</summary>
    public const string DiagnosticServiceSection = "http://terminology.hl7.org/CodeSystem/v2-0074";

    /// <summary>Observation categories (<c>laboratory</c>).</summary>
    public const string ObservationCategory = "http://terminology.hl7.org/CodeSystem/observation-category";

    /// <summary>Reference-range meaning (<c>normal</c> for a lab profile's reference range; a toxic limit has no code there and carries text only).</summary>
    public const string ReferenceRangeMeaning = "http://terminology.hl7.org/CodeSystem/referencerange-meaning";

    /// <summary>HL7 v2 table 0487, specimen type (<c>HAR</c>, hair), read on import.</summary>
    public const string V2SpecimenType = "http://terminology.hl7.org/CodeSystem/v2-0487";

    /// <summary>SNOMED CT (<c>119326000</c>, hair specimen), read on import.</summary>
    public const string Snomed = "http://snomed.info/sct";

    /// <summary>Observation interpretation (<c>H</c>, <c>L</c>, <c>N</c>).</summary>
    public const string ObservationInterpretation = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";
}
