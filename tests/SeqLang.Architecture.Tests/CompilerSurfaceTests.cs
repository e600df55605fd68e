using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using SeqLang.Architecture.Tests.Support;

namespace SeqLang.Architecture.Tests;

/// <summary>
/// The compiler shows the back ends and the CLI what they use and nothing more: each of its public types is named
/// by another assembly under src/, or appears in the public members of a type that is. The tests see the rest
/// through InternalsVisibleTo.
/// </summary>
public sealed class CompilerSurfaceTests
{
    private const string Compiler = "SeqLang.Compiler";

    [Fact]
    public void Every_public_type_of_the_compiler_is_used_by_another_stage()
    {
        var assembly = Pipeline.Load(Pipeline.ByAssembly(Compiler));
        var needed = new HashSet<Type>();
        var work = new Queue<Type>();
        void Need(Type? type)
        {
            if (type is null) return;
            if (type.HasElementType) { Need(type.GetElementType()); return; }
            if (type.IsGenericType && !type.IsGenericTypeDefinition)
            {
                foreach (var argument in type.GetGenericArguments()) Need(argument);
                type = type.GetGenericTypeDefinition();
            }
            if (type.Assembly != assembly || type.IsGenericParameter || !needed.Add(type)) return;
            work.Enqueue(type);
        }

        foreach (var stage in Pipeline.Stages.Where(s => s.Rank > Pipeline.ByAssembly(Compiler).Rank))
            foreach (var name in TypesNamedFrom(Pipeline.Load(stage).Location)) Need(assembly.GetType(name));

        while (work.TryDequeue(out var type))
        {
            Need(type.BaseType);
            Need(type.DeclaringType);
            foreach (var i in type.GetInterfaces()) Need(i);
            const BindingFlags visible = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            foreach (var field in type.GetFields(visible)) Need(field.FieldType);
            foreach (var property in type.GetProperties(visible)) Need(property.PropertyType);
            foreach (var method in type.GetMethods(visible).Cast<MethodBase>().Concat(type.GetConstructors(visible)))
            {
                if (method is MethodInfo m) Need(m.ReturnType);
                foreach (var parameter in method.GetParameters()) Need(parameter.ParameterType);
            }
            foreach (var nested in type.GetNestedTypes(BindingFlags.Public)) Need(nested);
        }

        var unused = assembly.GetExportedTypes().Where(t => !needed.Contains(t)).Select(t => t.FullName).Order(StringComparer.Ordinal).ToList();
        Assert.True(unused.Count == 0, $"public types of {Compiler} no other stage uses (make them internal): {string.Join(", ", unused)}");
    }

    /// <summary>The full names of the compiler's types that an assembly's metadata refers to.</summary>
    private static IEnumerable<string> TypesNamedFrom(string path)
    {
        using var pe = new PEReader(File.OpenRead(path));
        var reader = pe.GetMetadataReader();
        var names = new List<string>();
        foreach (var handle in reader.TypeReferences)
        {
            var reference = reader.GetTypeReference(handle);
            var (scope, name) = (reference.ResolutionScope, Name(reader, reference));
            while (scope.Kind == HandleKind.TypeReference)
            {
                var outer = reader.GetTypeReference((TypeReferenceHandle)scope);
                name = Name(reader, outer) + "+" + name;
                scope = outer.ResolutionScope;
            }
            if (scope.Kind == HandleKind.AssemblyReference && reader.GetString(reader.GetAssemblyReference((AssemblyReferenceHandle)scope).Name) == Compiler)
                names.Add(name);
        }
        return names;
    }

    private static string Name(MetadataReader reader, TypeReference reference)
    {
        var ns = reader.GetString(reference.Namespace);
        var name = reader.GetString(reference.Name);
        return ns.Length == 0 ? name : ns + "." + name;
    }
}
