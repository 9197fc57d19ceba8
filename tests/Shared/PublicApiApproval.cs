using System.Reflection;
using PublicApiGenerator;

namespace HtmaInterpreter.Testing;

/// <summary>
/// The public-API approval check the package test projects share (linked into each): an assembly's public surface as
/// PublicApiGenerator writes it, compared with a committed approval file. With HTMA_UPDATE_APPROVED=1 the file is
/// written instead, for a deliberate change to be reviewed as a diff.
/// </summary>
internal static class PublicApiApproval
{
    /// <summary>The public surface of <paramref name="assembly"/>, with LF line ends and a final newline.</summary>
    public static string Generate(Assembly assembly) => assembly.GeneratePublicApi(new ApiGeneratorOptions
    {
        ExcludeAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute", "System.Reflection.AssemblyMetadataAttribute"],
    }).ReplaceLineEndings("\n") + "\n";

    /// <summary>
    /// Null when <paramref name="assembly"/>'s surface equals the approved file at <paramref name="approvedPath"/> (or the
    /// file was just rewritten on request); otherwise what failed, for the assertion.
    /// </summary>
    public static (string Actual, string? Approved, bool Written) Check(Assembly assembly, string approvedPath)
    {
        var actual = Generate(assembly);
        if (Environment.GetEnvironmentVariable("HTMA_UPDATE_APPROVED") == "1")
        {
            File.WriteAllText(approvedPath, actual);
            return (actual, actual, true);
        }

        return (actual, File.Exists(approvedPath) ? File.ReadAllText(approvedPath) : null, false);
    }
}
