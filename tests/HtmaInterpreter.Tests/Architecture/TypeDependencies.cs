using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace HtmaInterpreter.Tests.Architecture;

/// <summary>
/// Which types of a compiled assembly use which other types, read from its metadata: base types and interfaces, generic
/// constraints, attributes, field, property, event and method signatures, locals, catch clauses and every type, method
/// and field token in the method bodies' IL. Nested types (lambdas' closures and state machines too) count as their
/// outermost declaring type, so a dependency is charged to the type whose source wrote it.
/// </summary>
internal sealed class TypeDependencies
{
    private static readonly Dictionary<short, OperandType> OperandTypes = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value, o => o.OperandType);

    private TypeDependencies(IReadOnlyDictionary<string, IReadOnlySet<string>> uses, IReadOnlyDictionary<string, string> namespaces)
    {
        Uses = uses;
        NamespaceOf = namespaces;
    }

    /// <summary>For each type of the assembly (full name, outermost type only): the other types it uses, of any assembly.</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> Uses { get; }

    /// <summary>The namespace of every type named in <see cref="Uses"/> (keys and values).</summary>
    public IReadOnlyDictionary<string, string> NamespaceOf { get; }

    /// <summary>Reads the dependencies of an assembly file.</summary>
    public static TypeDependencies Of(Assembly assembly)
    {
        using var stream = File.OpenRead(assembly.Location);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var names = new NameResolver(reader);
        var uses = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);

        foreach (var handle in reader.TypeDefinitions)
        {
            var owner = names.Outermost(handle);
            if (owner.Name.StartsWith('<'))
            {
                continue; // <Module>, <PrivateImplementationDetails>: compiler plumbing, not source types
            }

            if (!uses.TryGetValue(owner.FullName, out var used))
            {
                used = new HashSet<string>(StringComparer.Ordinal);
                uses.Add(owner.FullName, used);
            }

            new TypeScanner(reader, pe, names, used).Scan(handle);
            used.Remove(owner.FullName);
        }

        return new TypeDependencies(
            uses.ToDictionary(p => p.Key, p => (IReadOnlySet<string>)p.Value, StringComparer.Ordinal),
            names.Namespaces);
    }

    /// <summary>
    /// The namespace graph restricted to namespaces for which <paramref name="include"/> is true: for each pair, the types
    /// that make the edge. <paramref name="node"/> maps a namespace to its node in the graph (e.g. a sub-namespace to the
    /// namespace it is part of); by default each namespace is its own node.
    /// </summary>
    public IReadOnlyDictionary<(string From, string To), IReadOnlyList<(string User, string Used)>> NamespaceEdges(Func<string, bool> include, Func<string, string>? node = null)
    {
        node ??= ns => ns;
        var edges = new Dictionary<(string, string), List<(string, string)>>();
        foreach (var (user, used) in Uses)
        {
            if (!include(NamespaceOf[user]))
            {
                continue;
            }

            var from = node(NamespaceOf[user]);
            foreach (var target in used)
            {
                if (!include(NamespaceOf[target]))
                {
                    continue;
                }

                var to = node(NamespaceOf[target]);
                if (to == from)
                {
                    continue;
                }

                if (!edges.TryGetValue((from, to), out var why))
                {
                    why = [];
                    edges.Add((from, to), why);
                }

                why.Add((user, target));
            }
        }

        return edges.ToDictionary(p => p.Key, p => (IReadOnlyList<(string, string)>)[.. p.Value.OrderBy(w => w.Item1, StringComparer.Ordinal).ThenBy(w => w.Item2, StringComparer.Ordinal)]);
    }

    /// <summary>
    /// The types outside namespace <paramref name="ns"/> (and outside its sub-namespaces) that use types in it, each with
    /// the types of <paramref name="ns"/> it uses: the entry points into that namespace.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> UsersOf(string ns)
    {
        bool Inside(string name) => name == ns || name.StartsWith(ns + ".", StringComparison.Ordinal);
        return Uses
            .Where(p => !Inside(NamespaceOf[p.Key]))
            .Select(p => (User: p.Key, Used: p.Value.Where(t => Inside(NamespaceOf[t])).OrderBy(t => t, StringComparer.Ordinal).ToList()))
            .Where(p => p.Used.Count > 0)
            .ToDictionary(p => p.User, p => (IReadOnlyList<string>)p.Used, StringComparer.Ordinal);
    }

    /// <summary>A cycle in a directed graph (the first node repeated at the end), or <c>null</c> when there is none.</summary>
    public static IReadOnlyList<string>? FindCycle(IEnumerable<(string From, string To)> edges)
    {
        var next = edges.GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).Order(StringComparer.Ordinal).ToList());
        var state = new Dictionary<string, int>(); // 1 = on the current path, 2 = done
        var path = new List<string>();

        List<string>? Visit(string node)
        {
            state[node] = 1;
            path.Add(node);
            foreach (var to in next.GetValueOrDefault(node) ?? [])
            {
                if (state.GetValueOrDefault(to) == 1)
                {
                    return [.. path.Skip(path.IndexOf(to)), to];
                }

                if (state.GetValueOrDefault(to) == 0 && Visit(to) is { } found)
                {
                    return found;
                }
            }

            path.RemoveAt(path.Count - 1);
            state[node] = 2;
            return null;
        }

        foreach (var node in next.Keys.Order(StringComparer.Ordinal))
        {
            if (state.GetValueOrDefault(node) == 0 && Visit(node) is { } cycle)
            {
                return cycle;
            }
        }

        return null;
    }

    /// <summary>Names of type definitions and references (outermost type for nested ones), with their namespaces.</summary>
    private sealed class NameResolver(MetadataReader reader)
    {
        public Dictionary<string, string> Namespaces { get; } = new(StringComparer.Ordinal);

        public (string FullName, string Name) Outermost(TypeDefinitionHandle handle)
        {
            var type = reader.GetTypeDefinition(handle);
            while (type.GetDeclaringType() is { IsNil: false } outer)
            {
                type = reader.GetTypeDefinition(outer);
            }

            return Named(reader.GetString(type.Namespace), reader.GetString(type.Name));
        }

        public string Outermost(TypeReferenceHandle handle)
        {
            var type = reader.GetTypeReference(handle);
            while (type.ResolutionScope.Kind == HandleKind.TypeReference)
            {
                type = reader.GetTypeReference((TypeReferenceHandle)type.ResolutionScope);
            }

            return Named(reader.GetString(type.Namespace), reader.GetString(type.Name)).FullName;
        }

        private (string FullName, string Name) Named(string ns, string name)
        {
            var full = ns.Length == 0 ? name : ns + "." + name;
            Namespaces[full] = ns;
            return (full, name);
        }
    }

    /// <summary>Collects the types one type definition uses into a set.</summary>
    private sealed class TypeScanner(MetadataReader reader, PEReader pe, NameResolver names, HashSet<string> used)
        : ISignatureTypeProvider<bool, object?>
    {
        public void Scan(TypeDefinitionHandle handle)
        {
            var type = reader.GetTypeDefinition(handle);
            Add(type.BaseType);
            foreach (var i in type.GetInterfaceImplementations())
            {
                Add(reader.GetInterfaceImplementation(i).Interface);
            }

            Generic(type.GetGenericParameters());
            Attributes(type.GetCustomAttributes());
            foreach (var f in type.GetFields())
            {
                var field = reader.GetFieldDefinition(f);
                field.DecodeSignature(this, null);
                Attributes(field.GetCustomAttributes());
            }

            foreach (var p in type.GetProperties())
            {
                var property = reader.GetPropertyDefinition(p);
                property.DecodeSignature(this, null);
                Attributes(property.GetCustomAttributes());
            }

            foreach (var e in type.GetEvents())
            {
                Add(reader.GetEventDefinition(e).Type);
            }

            foreach (var m in type.GetMethods())
            {
                Method(reader.GetMethodDefinition(m));
            }
        }

        private void Method(MethodDefinition method)
        {
            method.DecodeSignature(this, null);
            Generic(method.GetGenericParameters());
            Attributes(method.GetCustomAttributes());
            if (method.RelativeVirtualAddress == 0)
            {
                return;
            }

            var body = pe.GetMethodBody(method.RelativeVirtualAddress);
            if (!body.LocalSignature.IsNil)
            {
                reader.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(this, null);
            }

            foreach (var region in body.ExceptionRegions)
            {
                Add(region.CatchType);
            }

            var il = body.GetILReader();
            while (il.RemainingBytes > 0)
            {
                short code = il.ReadByte();
                if (code == 0xFE)
                {
                    code = unchecked((short)(0xFE00 | il.ReadByte()));
                }

                switch (OperandTypes[code])
                {
                    case OperandType.InlineNone:
                        break;
                    case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                        il.Offset += 1;
                        break;
                    case OperandType.InlineVar:
                        il.Offset += 2;
                        break;
                    case OperandType.InlineI8 or OperandType.InlineR:
                        il.Offset += 8;
                        break;
                    case OperandType.InlineSwitch:
                        var targets = il.ReadInt32(); // read before Offset: "il.Offset += 4 * il.ReadInt32()" would read Offset first
                        il.Offset += 4 * targets;
                        break;
                    case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType or OperandType.InlineSig:
                        Add(MetadataTokens.EntityHandle(il.ReadInt32()));
                        break;
                    default: // InlineBrTarget, InlineI, InlineString, ShortInlineR
                        il.Offset += 4;
                        break;
                }
            }
        }

        private void Generic(GenericParameterHandleCollection parameters)
        {
            foreach (var p in parameters)
            {
                foreach (var c in reader.GetGenericParameter(p).GetConstraints())
                {
                    Add(reader.GetGenericParameterConstraint(c).Type);
                }
            }
        }

        private void Attributes(CustomAttributeHandleCollection attributes)
        {
            foreach (var a in attributes)
            {
                Add(reader.GetCustomAttribute(a).Constructor);
            }
        }

        private void Add(EntityHandle handle)
        {
            if (handle.IsNil)
            {
                return;
            }

            switch (handle.Kind)
            {
                case HandleKind.TypeDefinition:
                case HandleKind.TypeReference:
                case HandleKind.TypeSpecification:
                    AddType(handle);
                    break;
                case HandleKind.FieldDefinition:
                    var field = reader.GetFieldDefinition((FieldDefinitionHandle)handle);
                    AddType(field.GetDeclaringType());
                    field.DecodeSignature(this, null);
                    break;
                case HandleKind.MethodDefinition:
                    var method = reader.GetMethodDefinition((MethodDefinitionHandle)handle);
                    AddType(method.GetDeclaringType());
                    method.DecodeSignature(this, null);
                    break;
                case HandleKind.MemberReference:
                    var member = reader.GetMemberReference((MemberReferenceHandle)handle);
                    Add(member.Parent);
                    if (member.GetKind() == MemberReferenceKind.Method)
                    {
                        member.DecodeMethodSignature(this, null);
                    }
                    else
                    {
                        member.DecodeFieldSignature(this, null);
                    }

                    break;
                case HandleKind.MethodSpecification:
                    var specification = reader.GetMethodSpecification((MethodSpecificationHandle)handle);
                    Add(specification.Method);
                    specification.DecodeSignature(this, null);
                    break;
                case HandleKind.StandaloneSignature:
                    var signature = reader.GetStandaloneSignature((StandaloneSignatureHandle)handle);
                    if (signature.GetKind() == StandaloneSignatureKind.Method)
                    {
                        signature.DecodeMethodSignature(this, null);
                    }
                    else
                    {
                        signature.DecodeLocalSignature(this, null);
                    }

                    break;
            }
        }

        private void AddType(EntityHandle handle)
        {
            switch (handle.Kind)
            {
                case HandleKind.TypeDefinition:
                    var (fullName, name) = names.Outermost((TypeDefinitionHandle)handle);
                    if (!name.StartsWith('<'))
                    {
                        used.Add(fullName);
                    }

                    break;
                case HandleKind.TypeReference:
                    used.Add(names.Outermost((TypeReferenceHandle)handle));
                    break;
                case HandleKind.TypeSpecification:
                    reader.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(this, null);
                    break;
            }
        }

        // The signature decoder calls these for every type in a signature; the set collects them, the result is unused.
        public bool GetTypeFromDefinition(MetadataReader r, TypeDefinitionHandle handle, byte rawTypeKind)
        {
            AddType(handle);
            return true;
        }

        public bool GetTypeFromReference(MetadataReader r, TypeReferenceHandle handle, byte rawTypeKind)
        {
            AddType(handle);
            return true;
        }

        public bool GetTypeFromSpecification(MetadataReader r, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind)
        {
            AddType(handle);
            return true;
        }

        public bool GetPrimitiveType(PrimitiveTypeCode typeCode) => true;

        public bool GetSZArrayType(bool elementType) => true;

        public bool GetArrayType(bool elementType, ArrayShape shape) => true;

        public bool GetByReferenceType(bool elementType) => true;

        public bool GetPointerType(bool elementType) => true;

        public bool GetPinnedType(bool elementType) => true;

        public bool GetGenericInstantiation(bool genericType, ImmutableArray<bool> typeArguments) => true;

        public bool GetGenericMethodParameter(object? genericContext, int index) => true;

        public bool GetGenericTypeParameter(object? genericContext, int index) => true;

        public bool GetFunctionPointerType(MethodSignature<bool> signature) => true;

        public bool GetModifiedType(bool modifier, bool unmodifiedType, bool isRequired) => true;
    }
}
