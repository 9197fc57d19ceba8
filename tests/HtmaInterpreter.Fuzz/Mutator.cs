using System.Text;

namespace HtmaInterpreter.Fuzz;

/// <summary>
/// Makes input number <c>i</c> of a run from the seed and <c>i</c> alone, so any input can be made again (a crashed
/// worker's input is re-created by the parent, a finding by its number): a seed picked at random, then one to four
/// mutations (byte flips, inserted tokens, repeated tokens, splices from another seed, truncation, duplication,
/// deletion, numbers swapped for extreme ones, line ends changed), capped at the size limit.
/// </summary>
internal sealed class Mutator(IReadOnlyList<Seed> seeds, int maxBytes)
{
    private static readonly string[] Tokens =
    [
        "\"", "'", "[", "]", "{", "}", ",", ":", ";", "\n", "\r", "\r\n", "\t", "\0", "\u001b", "\u001b[2J", "\u0007", "\u0085",
        "\u2028", "\uFEFF", "\\ud800", "\\udc00", "\\u0000", "\\e", "\\x1b", "1e400", "-1e400", "1e-400", "5.1e-29",
        "8000000000000000000000000000", "79228162514264337593543950335", "0.0000000000000000000000000001", "-0", "NaN",
        "Infinity", "-inf", "0x10", "99999999999999999999999999999999999999", "1_000", "&a ", "*a", "!!binary ", "!x!y ",
        "<<: *a", "---\n", "...\n", "? ", "%YAML 1.2\n", "|", ">-", "- ", "#", "\"\"", ",,,,", "not ", "(", ")", " or ",
        " and ", " is high", " is low", "Ca", "Ca/K", "Na/Mg", "mg%", "ug/g", "ppm", "ppb", "<0.002", "sample_id", "element",
        "value", "unit", "measurements", "panels", "when", "rules", "~", "null", "true", "=SUM(A1)", "@x", "+1",
    ];

    private static readonly string[] Repeated = ["[", "{a: ", "{\"a\":", "(", "not ", "- ", "  ", "a,", "\"", "Ca > 1 or ", "[[", "{"];

    private static readonly string[] Numbers =
        ["1e400", "1e-400", "5.1e-29", "8000000000000000000000000000", "-1", "0", "NaN", "1e28", "0.0000000000000000000000000001", "9999999999999999999999999999999"];

    /// <summary>The seed and the mutated bytes of input <paramref name="index"/> of the run with <paramref name="runSeed"/>.</summary>
    public (Seed Seed, byte[] Bytes) Make(int runSeed, long index)
    {
        var random = new Random(Mix(runSeed, index));
        var seed = seeds[random.Next(seeds.Count)];
        var bytes = new List<byte>(seed.Bytes);
        var mutations = 1 + random.Next(4);
        for (var m = 0; m < mutations; m++)
        {
            Mutate(bytes, random);
            if (bytes.Count > maxBytes)
            {
                bytes.RemoveRange(maxBytes, bytes.Count - maxBytes);
            }
        }

        return (seed, [.. bytes]);
    }

    /// <summary>A seed for input <paramref name="index"/> (SplitMix64; not <see cref="HashCode"/>, which differs from process to process).</summary>
    internal static int Mix(int runSeed, long index)
    {
        var z = unchecked(((ulong)(uint)runSeed << 40) ^ (ulong)index) + 0x9E3779B97F4A7C15UL;
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return (int)(z ^ (z >> 31));
    }

    private void Mutate(List<byte> bytes, Random random)
    {
        var at = bytes.Count == 0 ? 0 : random.Next(bytes.Count + 1);
        switch (random.Next(10))
        {
            case 0: // flip bits of one to eight bytes
                for (var i = random.Next(1, 9); i > 0 && bytes.Count > 0; i--)
                {
                    var p = random.Next(bytes.Count);
                    bytes[p] ^= (byte)(1 << random.Next(8));
                }

                break;
            case 1 or 2: // an interesting token
                bytes.InsertRange(at, Encoding.UTF8.GetBytes(Tokens[random.Next(Tokens.Length)]));
                break;
            case 3: // a token repeated many times (nesting, long chains)
                var token = Repeated[random.Next(Repeated.Length)];
                var times = random.Next(4) == 0 ? random.Next(1, 5_000) : random.Next(1, 80);
                bytes.InsertRange(at, Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(token, times))));
                break;
            case 4: // a splice from another seed
                var other = seeds[random.Next(seeds.Count)].Bytes;
                if (other.Length > 0)
                {
                    var start = random.Next(other.Length);
                    var length = random.Next(1, Math.Min(other.Length - start, 2_000) + 1);
                    if (random.Next(2) == 0 && bytes.Count > 0)
                    {
                        bytes.RemoveRange(Math.Min(at, bytes.Count - 1), Math.Min(length, bytes.Count - Math.Min(at, bytes.Count - 1)));
                    }

                    bytes.InsertRange(Math.Min(at, bytes.Count), other.AsSpan(start, length).ToArray());
                }

                break;
            case 5: // truncation
                if (bytes.Count > 0)
                {
                    bytes.RemoveRange(at == bytes.Count ? bytes.Count - 1 : at, bytes.Count - (at == bytes.Count ? bytes.Count - 1 : at));
                }

                break;
            case 6: // a chunk (often a line) duplicated
                if (bytes.Count > 0)
                {
                    var start = random.Next(bytes.Count);
                    var end = bytes.IndexOf((byte)'\n', start);
                    var length = end < 0 || random.Next(3) == 0 ? random.Next(1, Math.Min(bytes.Count - start, 500) + 1) : end - start + 1;
                    var chunk = bytes.GetRange(start, length);
                    for (var i = random.Next(1, random.Next(5) == 0 ? 200 : 4); i > 0; i--)
                    {
                        bytes.InsertRange(start, chunk);
                    }
                }

                break;
            case 7: // a chunk deleted
                if (bytes.Count > 0)
                {
                    var start = random.Next(bytes.Count);
                    bytes.RemoveRange(start, random.Next(1, Math.Min(bytes.Count - start, 64) + 1));
                }

                break;
            case 8: // a number replaced by an extreme one
                var digit = bytes.FindIndex(Math.Min(at, Math.Max(bytes.Count - 1, 0)), b => b is >= (byte)'0' and <= (byte)'9');
                if (digit < 0)
                {
                    digit = bytes.FindIndex(b => b is >= (byte)'0' and <= (byte)'9');
                }

                if (digit >= 0)
                {
                    var last = digit;
                    while (last < bytes.Count && (bytes[last] is >= (byte)'0' and <= (byte)'9' or (byte)'.'))
                    {
                        last++;
                    }

                    bytes.RemoveRange(digit, last - digit);
                    bytes.InsertRange(digit, Encoding.UTF8.GetBytes(Numbers[random.Next(Numbers.Length)]));
                }

                break;
            default: // line ends: CR only, CRLF, or a BOM in front
                var text = Encoding.UTF8.GetString([.. bytes]);
                var changed = random.Next(3) switch
                {
                    0 => text.Replace("\n", "\r", StringComparison.Ordinal),
                    1 => text.ReplaceLineEndings("\r\n"),
                    _ => "\uFEFF" + text,
                };
                bytes.Clear();
                bytes.AddRange(Encoding.UTF8.GetBytes(changed));
                break;
        }
    }
}
