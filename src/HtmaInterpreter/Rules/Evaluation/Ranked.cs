namespace HtmaInterpreter.Rules;

/// <summary>An output with its sort keys: severity (negated, so referrals come first), file order, then instance.</summary>
internal readonly record struct Ranked<T>(T Value, int Severity, int Order, int Instance)
{
    private int CompareTo(Ranked<T> other) =>
        Severity != other.Severity ? Severity.CompareTo(other.Severity)
        : Order != other.Order ? Order.CompareTo(other.Order)
        : Instance.CompareTo(other.Instance);

    /// <summary>
    /// The values in key order: an insertion sort for the usual short, nearly sorted list; a general sort for a long
    /// one (a long <c>pattern</c> chain arrives reversed, which made the insertion sort quadratic). The keys are unique,
    /// so both give the same order.
    /// </summary>
    public static T[] SortedValues(List<Ranked<T>> items)
    {
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(items);
        if (span.Length > 32)
        {
            span.Sort(static (a, b) => a.CompareTo(b));
        }

        for (var i = 1; i < span.Length; i++)
        {
            var item = span[i];
            var j = i - 1;
            while (j >= 0 && span[j].CompareTo(item) > 0)
            {
                span[j + 1] = span[j];
                j--;
            }

            span[j + 1] = item;
        }

        var values = new T[span.Length];
        for (var i = 0; i < span.Length; i++)
        {
            values[i] = span[i].Value;
        }

        return values;
    }
}
