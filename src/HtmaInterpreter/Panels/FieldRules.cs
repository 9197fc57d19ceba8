using System.Globalization;
using System.Text;

namespace HtmaInterpreter.Panels;

/// <summary>
/// The checks on a panel's fields that every reader applies: the general reader (<c>PanelAssembler</c>), the batch
/// fast path (<c>WideCsvRowInterpreter</c>) and client-context files call these, so the paths cannot disagree.
/// </summary>
internal static class FieldRules
{
    /// <summary>The oldest age, in years, accepted as a person's age; anything above is a typing error.</summary>
    internal const int MaxAgeYears = 150;

    /// <summary>The digits of <see cref="MaxAgeYears"/>: a longer run of digits cannot be a valid age (a test ties the two).</summary>
    internal const int MaxAgeDigits = 3;

    /// <summary>How the collection date is written.</summary>
    internal const string DateFormat = "yyyy-MM-dd";

    /// <summary>
    /// 10,000 mg% is 100 mg per gram, a tenth of the hair's mass. Hair is mostly keratin (protein), so no single mineral
    /// can make up that much of it: such a value is a unit mix-up or a typing error, whatever the element. This is a
    /// physical bound, not a clinical reference figure.
    /// </summary>
    internal const decimal AbsurdMilligramPercent = 10_000m;

    /// <summary>
    /// The most digits before the point a value in mg% can have and still be below <see cref="AbsurdMilligramPercent"/>
    /// whatever they are (10^digits ≤ the bound; a test ties the two), so a plain value this short needs no decimal comparison.
    /// </summary>
    internal const int WholeDigitsBelowAbsurd = 4;

    /// <summary>
    /// Whether a value read as <paramref name="qualifier"/> and <paramref name="milligramPercent"/> is physically
    /// impossible (above <see cref="AbsurdMilligramPercent"/>; a detection limit or a not-detected value never is).
    /// Both readers warn about such a value; the batch fast path leaves the row to the general reader.
    /// </summary>
    internal static bool IsAbsurd(MeasurementQualifier qualifier, decimal milligramPercent) =>
        qualifier is MeasurementQualifier.Exact or MeasurementQualifier.AboveQuantitationLimit
        && milligramPercent > AbsurdMilligramPercent;

    /// <summary>What a reader expects in the 'sex' field, for its diagnostic.</summary>
    internal const string SexExpected = "female or male (f or m)";

    /// <summary>What a reader expects in the 'age' field, for its diagnostic.</summary>
    internal const string AgeExpected = "a whole number of years";

    /// <summary>What a reader expects in the 'treatment' field, for its diagnostic.</summary>
    internal const string TreatmentExpected = "washed or unwashed";

    /// <summary>What a reader expects in the 'collected' field, for its diagnostic.</summary>
    internal const string DateExpected = "a date written " + DateFormat + ", e.g. 2026-03-14";

    // A reader also accepts the first letter for a sex.
    private const string Female = PanelWords.Female, FemaleLetter = "f", Male = PanelWords.Male, MaleLetter = "m";
    private const string Washed = PanelWords.Washed, Unwashed = PanelWords.Unwashed;

    /// <summary>True when a whole number of years is a possible age.</summary>
    internal static bool IsAge(int years) => years is >= 0 and <= MaxAgeYears;

    /// <summary>Reads an age written as plain digits (no sign, no spaces), or returns false.</summary>
    internal static bool TryParseAge(string text, out int years) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out years) && IsAge(years);

    /// <summary>What a text field (subject id, lab, flag) holds to say "none": read as if it were empty.</summary>
    internal const char NoValueMarker = '~';

    /// <summary>True when a (trimmed) text field says nothing: empty, or <see cref="NoValueMarker"/> alone.</summary>
    internal static bool IsNoValue(ReadOnlySpan<char> text) => text.IsEmpty || text is [NoValueMarker];

    /// <summary>True when an ASCII field says nothing: empty, or <see cref="NoValueMarker"/> alone (the batch fast path).</summary>
    internal static bool IsNoValue(ReadOnlySpan<byte> text) => text.IsEmpty || text is [(byte)NoValueMarker];

    /// <summary>The sex a field names (ASCII case ignored), or <see cref="Sex.Unknown"/> when it names none.</summary>
    internal static Sex ParseSex(ReadOnlySpan<char> text) =>
        Ascii.EqualsIgnoreCase(text, Female) || Ascii.EqualsIgnoreCase(text, FemaleLetter) ? Sex.Female
        : Ascii.EqualsIgnoreCase(text, Male) || Ascii.EqualsIgnoreCase(text, MaleLetter) ? Sex.Male
        : Sex.Unknown;

    /// <summary>The sex an ASCII field names (case ignored), or <see cref="Sex.Unknown"/> when it names none.</summary>
    internal static Sex ParseSex(ReadOnlySpan<byte> text) =>
        Ascii.EqualsIgnoreCase(text, Female) || Ascii.EqualsIgnoreCase(text, FemaleLetter) ? Sex.Female
        : Ascii.EqualsIgnoreCase(text, Male) || Ascii.EqualsIgnoreCase(text, MaleLetter) ? Sex.Male
        : Sex.Unknown;

    /// <summary>The treatment a field names (ASCII case ignored), or <see cref="SampleTreatment.Unknown"/> when it names none.</summary>
    internal static SampleTreatment ParseTreatment(ReadOnlySpan<char> text) =>
        Ascii.EqualsIgnoreCase(text, Washed) ? SampleTreatment.Washed
        : Ascii.EqualsIgnoreCase(text, Unwashed) ? SampleTreatment.Unwashed
        : SampleTreatment.Unknown;

    /// <summary>The treatment an ASCII field names (case ignored), or <see cref="SampleTreatment.Unknown"/> when it names none.</summary>
    internal static SampleTreatment ParseTreatment(ReadOnlySpan<byte> text) =>
        Ascii.EqualsIgnoreCase(text, Washed) ? SampleTreatment.Washed
        : Ascii.EqualsIgnoreCase(text, Unwashed) ? SampleTreatment.Unwashed
        : SampleTreatment.Unknown;

    /// <summary>Reads a collection date written <see cref="DateFormat"/>.</summary>
    internal static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>
    /// True for a valid date written <see cref="DateFormat"/> in ASCII digits, without building it (the batch fast path);
    /// every text it accepts <see cref="TryParseDate"/> accepts too.
    /// </summary>
    internal static bool IsDate(ReadOnlySpan<byte> field)
    {
        if (field.Length != 10 || field[4] != (byte)'-' || field[7] != (byte)'-'
            || !TryDigits(field[..4], out var year) || !TryDigits(field.Slice(5, 2), out var month) || !TryDigits(field.Slice(8, 2), out var day))
        {
            return false;
        }

        return year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);
    }

    /// <summary>Reads a run of ASCII digits as a number (the caller bounds the length), or returns false.</summary>
    internal static bool TryDigits(ReadOnlySpan<byte> field, out int value)
    {
        value = 0;
        foreach (var b in field)
        {
            var digit = b - '0';
            if ((uint)digit > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }
}
