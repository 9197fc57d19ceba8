namespace HtmaInterpreter.Rules;

/// <summary>Comparisons: an element, ratio, age or number against another, read as intervals.</summary>
internal sealed partial class ConditionCompiler
{
    /// <summary>Compares two intervals: true or false when every value in them agrees, unknown otherwise.</summary>
    internal static Truth CompareIntervals(CompareOp op, double aLow, double aHigh, double bLow, double bHigh)
    {
        switch (op)
        {
            case CompareOp.Greater:
                return aLow > bHigh ? Truth.True : aHigh <= bLow ? Truth.False : Truth.Unknown;
            case CompareOp.GreaterOrEqual:
                return aLow >= bHigh ? Truth.True : aHigh < bLow ? Truth.False : Truth.Unknown;
            case CompareOp.Less:
                return aHigh < bLow ? Truth.True : aLow >= bHigh ? Truth.False : Truth.Unknown;
            case CompareOp.LessOrEqual:
                return aHigh <= bLow ? Truth.True : aLow > bHigh ? Truth.False : Truth.Unknown;
            default:
                var equal = aLow == aHigh && bLow == bHigh
                    ? Of(aLow == bLow)
                    : aHigh < bLow || aLow > bHigh ? Truth.False : Truth.Unknown;
                return op == CompareOp.Equal ? equal : Negate(equal);
        }
    }

    private OperandReader Reader(Operand operand, int placeholder)
    {
        if (operand.Previous)
        {
            var current = Reader(operand with { Previous = false }, placeholder);
            return (EvaluationState state, out double low, out double high) =>
            {
                if (state.Previous is { } earlier)
                {
                    return current(earlier, out low, out high);
                }

                low = high = double.NaN;
                state.Miss("previous test");
                return false;
            };
        }

        var (kind, number) = (operand.Kind, operand.Value);
        var (index, name) = OperandConstants(operand, placeholder);
        return (EvaluationState state, out double low, out double high) => ReadOperand(state, kind, index, number, name, out low, out high);
    }

    private Condition Compare(CompareNode node, int placeholder)
    {
        if (IsRatioVersusNumber(node))
        {
            var (index, name) = OperandConstants(node.Left, placeholder);
            var (ratioOp, number) = (node.Op, node.Right.Value);
            return state => RatioTest(state, ratioOp, index, number, name);
        }

        if (IsElementVersusNumber(node))
        {
            var (slot, symbol) = OperandConstants(node.Left, placeholder);
            var (elementOp, amount, uncertainText) = (node.Op, node.Right.Value, CompareUncertain(node, placeholder));
            return state => ElementTest(state, elementOp, slot, amount, symbol, uncertainText);
        }

        var left = Reader(node.Left, placeholder);
        var right = Reader(node.Right, placeholder);
        var op = node.Op;
        var uncertain = CompareUncertain(node, placeholder);
        return state =>
        {
            // Read both sides before deciding, so every missing input is named.
            var hasLeft = left(state, out var aLow, out var aHigh);
            var hasRight = right(state, out var bLow, out var bHigh);
            return Decide(state, op, hasLeft, aLow, aHigh, hasRight, bLow, bHigh, uncertain);
        };
    }

    /// <summary>Whether a comparison is of a current-test ratio with a number (<c>Ca/K &gt; 10</c>), the commonest test.</summary>
    internal static bool IsRatioVersusNumber(CompareNode node) =>
        node.Left is { Kind: OperandKind.Ratio, Previous: false } && node.Right is { Kind: OperandKind.Number, Previous: false };

    /// <summary>Whether a comparison is of a current-test element with a number (<c>Mg &gt; 20 mg%</c>).</summary>
    internal static bool IsElementVersusNumber(CompareNode node) =>
        node.Left is { Kind: OperandKind.Element, Previous: false } && node.Right is { Kind: OperandKind.Number, Previous: false };

    /// <summary>
    /// What <see cref="CompareTest"/> gives for an element compared with a number, in one step: the element's reading is
    /// an interval (a detection limit), so the answer can be uncertain, and is then named as such.
    /// </summary>
    internal static Truth ElementTest(EvaluationState state, CompareOp op, int slot, double number, string symbol, string uncertain)
    {
        var reading = state.Elements[slot];
        if (!reading.Present)
        {
            state.Miss(symbol);
            return Truth.Unknown;
        }

        return Decide(state, op, true, reading.Low, reading.High, true, number, number, uncertain);
    }

    /// <summary>
    /// What <see cref="CompareTest"/> gives for a ratio compared with a number, in one step: a ratio is a single value,
    /// so the answer is never uncertain; a ratio that could not be worked out is named as missing.
    /// </summary>
    internal static Truth RatioTest(EvaluationState state, CompareOp op, int index, double number, string name)
    {
        var value = state.Ratios[index];
        if (double.IsNaN(value))
        {
            state.Miss(name);
            return Truth.Unknown;
        }

        return Of(CompareExact(op, value, number));
    }

    /// <summary>A comparison's answer once both sides are read: unknown when one is missing or the intervals overlap.</summary>
    private static Truth Decide(EvaluationState state, CompareOp op, bool hasLeft, double aLow, double aHigh, bool hasRight, double bLow, double bHigh, string uncertain)
    {
        if (!hasLeft || !hasRight)
        {
            return Truth.Unknown;
        }

        var truth = CompareIntervals(op, aLow, aHigh, bLow, bHigh);
        if (truth == Truth.Unknown)
        {
            state.Miss(uncertain);
        }

        return truth;
    }

    /// <summary>What a comparison names as missing when the intervals overlap.</summary>
    internal string CompareUncertain(CompareNode node, int placeholder) =>
        $"{(placeholder >= 0 ? ReplacePlaceholder(node.Text, elementSymbols[placeholder]) : node.Text)} (an exact value is not reported: below detection or above quantitation limit)";

    /// <summary>Reads a current-test operand of any kind (<see cref="Reader"/> wraps it in a delegate).</summary>
    private static bool ReadOperand(EvaluationState state, OperandKind kind, int index, double number, string name, out double low, out double high)
    {
        switch (kind)
        {
            case OperandKind.Number:
                low = high = number;
                return true;
            case OperandKind.Age:
                if (state.AgeYears is { } age)
                {
                    low = high = age;
                    return true;
                }

                low = high = double.NaN;
                state.Miss("age");
                return false;
            case OperandKind.Ratio:
                low = high = state.Ratios[index];
                if (!double.IsNaN(low))
                {
                    return true;
                }

                state.Miss(name);
                return false;
            default:
                var reading = state.Elements[index];
                low = reading.Low;
                high = reading.High;
                if (reading.Present)
                {
                    return true;
                }

                state.Miss(name);
                return false;
        }
    }

    /// <summary>A comparison of two current-test operands, as <see cref="Compare"/> compiles it.</summary>
    internal static Truth CompareTest(
        EvaluationState state,
        CompareOp op,
        OperandKind leftKind,
        int leftIndex,
        double leftNumber,
        string leftName,
        OperandKind rightKind,
        int rightIndex,
        double rightNumber,
        string rightName,
        string uncertain)
    {
        // Read both sides before deciding, so every missing input is named.
        var hasLeft = ReadOperand(state, leftKind, leftIndex, leftNumber, leftName, out var aLow, out var aHigh);
        var hasRight = ReadOperand(state, rightKind, rightIndex, rightNumber, rightName, out var bLow, out var bHigh);
        return Decide(state, op, hasLeft, aLow, aHigh, hasRight, bLow, bHigh, uncertain);
    }

    /// <summary>The index (element slot or ratio index) and name an operand is read by.</summary>
    internal (int Index, string Name) OperandConstants(Operand operand, int placeholder) => operand.Kind switch
    {
        OperandKind.Ratio => (operand.Index, ratioNames[operand.Index]),
        OperandKind.Element => (slotOf[Resolve(operand.Index, placeholder)], elementSymbols[Resolve(operand.Index, placeholder)]),
        _ => (0, "age"),
    };
}
