namespace HtmaInterpreter.Cli;

/// <summary>The <c>htma</c> command-line tool.</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        Console.Error.WriteLine("usage: htma show FILE");
        return args.Length == 0 ? 2 : 2;
    }
}
