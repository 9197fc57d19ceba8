namespace HtmaInterpreter.Panels;

/// <summary>
/// The units labs print hair mineral values in. All are mass fractions, so conversion is exact
/// (powers of ten): 1 mg% = 1 mg per 100 g = 10 ppm = 10 µg/g = 10 mg/kg = 10,000 ppb = 10,000 ng/g.
/// The canonical unit of this library is <see cref="MilligramPercent"/>.
/// </summary>
public enum ConcentrationUnit
{
    /// <summary>Milligrams per 100 grams of hair (mg%, mg/dL-style "milligram percent"), used by ARL and TEI. Canonical.</summary>
    MilligramPercent,

    /// <summary>Parts per million (by mass).</summary>
    PartsPerMillion,

    /// <summary>Micrograms per gram (µg/g, mcg/g), used by Doctor's Data.</summary>
    MicrogramPerGram,

    /// <summary>Milligrams per kilogram.</summary>
    MilligramPerKilogram,

    /// <summary>Parts per billion (by mass).</summary>
    PartsPerBillion,

    /// <summary>Nanograms per gram.</summary>
    NanogramPerGram,
}
