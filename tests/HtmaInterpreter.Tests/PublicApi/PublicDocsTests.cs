using System.Reflection;
using System.Xml.Linq;

namespace HtmaInterpreter.Tests.PublicApi;

/// <summary>
/// The XML docs a host reads point only at what a host can see: a <c>cref</c> in the docs of a public type or member
/// names a public type or member (an internal one would show as an unresolved name in the host's IDE).
/// </summary>
public class PublicDocsTests
{
    private const BindingFlags Members = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    [Test]
    public void Public_docs_refer_only_to_public_types_and_members()
    {
        var assembly = typeof(Interpreter).Assembly;
        var docs = XDocument.Load(Path.ChangeExtension(assembly.Location, ".xml"));
        var wrong = new List<string>();

        foreach (var member in docs.Descendants("member"))
        {
            var id = (string)member.Attribute("name")!;
            if (IsVisible(assembly, id) != true)
            {
                continue;
            }

            wrong.AddRange(member.Descendants()
                .Select(e => (string?)e.Attribute("cref"))
                .OfType<string>()
                .Where(cref => IsVisible(assembly, cref) == false)
                .Select(cref => $"{id} refers to {cref}"));
        }

        string.Join("\n", wrong).Should().BeEmpty("the docs of public members are what a host reads; say it in words or point at a public member");
    }

    [Test]
    public void Visibility_is_read_from_documentation_ids()
    {
        var assembly = typeof(Interpreter).Assembly;

        IsVisible(assembly, "T:HtmaInterpreter.Interpreter").Should().BeTrue();
        IsVisible(assembly, "T:HtmaInterpreter.MineralAnalyzer").Should().BeFalse();
        IsVisible(assembly, "M:HtmaInterpreter.Rules.RuleSet.Evaluate(HtmaInterpreter.Rules.RuleInput)").Should().BeFalse();
        IsVisible(assembly, "P:HtmaInterpreter.Rules.RuleSet.RuleIds").Should().BeTrue();
        IsVisible(assembly, "M:HtmaInterpreter.Readers.PanelReader.ReadText(System.String,System.String)").Should().BeTrue();
        IsVisible(assembly, "M:HtmaInterpreter.Readers.PanelReader.ReadText(System.String,System.String,HtmaInterpreter.Readers.PanelFormat)").Should().BeFalse("an internal overload of a public method");
        IsVisible(assembly, "T:System.String").Should().BeNull("not a type of the library");
    }

    /// <summary>
    /// Whether a documentation id (<c>T:</c>, <c>M:</c>, <c>P:</c>, <c>F:</c>, <c>E:</c>) names something visible outside the
    /// assembly; <c>null</c> when it is not in the library. Overloads count as visible when one of them is.
    /// </summary>
    private static bool? IsVisible(Assembly assembly, string id)
    {
        var kind = id[0];
        var name = id[2..];
        var parenthesis = name.IndexOf('(', StringComparison.Ordinal);
        if (parenthesis >= 0)
        {
            name = name[..parenthesis];
        }

        if (kind == 'T')
        {
            return TypeNamed(assembly, name)?.IsVisible;
        }

        var dot = name.LastIndexOf('.');
        if (dot < 0 || TypeNamed(assembly, name[..dot]) is not { } type)
        {
            return null;
        }

        var memberName = name[(dot + 1)..].Replace('#', '.');
        var arity = memberName.IndexOf("``", StringComparison.Ordinal);
        if (arity >= 0)
        {
            memberName = memberName[..arity];
        }

        var found = type.GetMember(memberName, Members);
        if (kind == 'M')
        {
            // Overloads: the one whose parameters the id lists (no parentheses: none).
            var parameters = parenthesis >= 0 ? id[(parenthesis + 3)..^1] : "";
            var overload = found.OfType<MethodBase>().Where(m => string.Join(",", m.GetParameters().Select(p => DocName(p.ParameterType))) == parameters).ToArray<MemberInfo>();
            found = overload.Length > 0 ? overload : found;
        }

        return found.Length == 0 ? null : type.IsVisible && found.Any(IsPublic);
    }

    /// <summary>A parameter type as documentation ids write it: <c>System.Collections.Generic.IReadOnlyList{System.String}</c>.</summary>
    private static string DocName(Type type)
    {
        if (type.IsByRef)
        {
            return DocName(type.GetElementType()!) + "@";
        }

        if (type.IsArray)
        {
            return DocName(type.GetElementType()!) + "[]";
        }

        if (type.IsGenericParameter)
        {
            return (type.IsGenericMethodParameter ? "``" : "`") + type.GenericParameterPosition;
        }

        if (type.IsGenericType)
        {
            var definition = type.GetGenericTypeDefinition().FullName!;
            return definition[..definition.IndexOf('`', StringComparison.Ordinal)].Replace('+', '.')
                + "{" + string.Join(",", type.GetGenericArguments().Select(DocName)) + "}";
        }

        return type.FullName!.Replace('+', '.');
    }

    private static Type? TypeNamed(Assembly assembly, string name)
    {
        // Nested types are written with '.' in documentation ids and with '+' by reflection.
        var type = assembly.GetType(name);
        for (var dot = name.LastIndexOf('.'); type is null && dot > 0; dot = name.LastIndexOf('.', dot - 1))
        {
            type = TypeNamed(assembly, name[..dot]) is { } outer ? assembly.GetType(outer.FullName + "+" + name[(dot + 1)..]) : null;
        }

        return type;
    }

    private static bool IsPublic(MemberInfo member) => member switch
    {
        MethodBase method => method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly,
        FieldInfo field => field.IsPublic || field.IsFamily || field.IsFamilyOrAssembly,
        PropertyInfo property => property.GetAccessors(nonPublic: true).Any(a => a.IsPublic || a.IsFamily || a.IsFamilyOrAssembly),
        EventInfo e => e.AddMethod is { } add && (add.IsPublic || add.IsFamily),
        Type nested => nested.IsVisible,
        _ => false,
    };
}
