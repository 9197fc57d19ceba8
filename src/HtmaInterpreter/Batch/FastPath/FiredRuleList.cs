using System.Collections.ObjectModel;
using System.Text;

namespace HtmaInterpreter.Batch.FastPath;

/// <summary>
/// A list of fired rule ids that the batch makes once for a combination of fired rules and shares between the rows
/// that fired it. Its ids cannot change, so it carries what the writer and the summary would otherwise redo per row:
/// its CSV text (the ids joined by <c>;</c>, UTF-8).
/// </summary>
internal sealed class FiredRuleList(string[] ids) : ReadOnlyCollection<string>(ids)
{
    /// <summary>The ids joined by <c>;</c>, as UTF-8 (rule ids are kebab-case: nothing to quote).</summary>
    public byte[] CsvText { get; } = Encoding.UTF8.GetBytes(string.Join(';', ids));
}
