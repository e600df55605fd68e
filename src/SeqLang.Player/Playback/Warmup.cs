using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SeqLang.Player;

/// <summary>
/// Compiles the clock thread's code, and binds its P/Invokes, before playback starts. The CLI runs without
/// tiered compilation, so a method's first call would be a full JIT on the clock thread, during the
/// first bar (see <see cref="Compile"/> for the case <c>PrepareMethod</c> alone misses). The native program
/// compiles everything ahead of time: there <see cref="IsNeeded"/> is false and this code is not even linked in.
/// </summary>
public static class Warmup
{
    private const string Switch = "SeqLang.Player.Warmup.IsNeeded";

    private const BindingFlags All = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    /// <summary>
    /// True where methods are compiled at run time (the framework-dependent tool, the tests); the native build
    /// sets the switch to false (SeqLang.Cli.csproj), and the AOT compiler then leaves the reflection below out.
    /// Not <c>RuntimeFeature.IsDynamicCodeCompiled</c>: <c>PublishAot</c> turns that off in the JIT build too.
    /// </summary>
    [FeatureSwitchDefinition(Switch)]
    public static bool IsNeeded => !AppContext.TryGetSwitch(Switch, out var needed) || needed;

    /// <summary>As <see cref="Prepare(Type[])"/>, with the types' nested types too (their lambdas' closures, their parts).</summary>
    public static void PrepareWithNested(params Type[] types)
    {
        if (IsNeeded) PrepareTypes(types, nested: true);
    }

    /// <summary>Compiles the method a delegate calls (a handler given to code that calls it on another thread).</summary>
    public static void Prepare(Delegate handler)
    {
        if (!IsNeeded) return;
        try
        {
            Compile(handler.Method.MethodHandle);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or NotSupportedException)
        {
            // A dynamic method has no handle to prepare; it is compiled on its first call instead.
        }
    }

    public static void Prepare(params Type[] types)
    {
        if (IsNeeded) PrepareTypes(types, nested: false);
    }

    private static void PrepareTypes(Type[] types, bool nested)
    {
        if (nested) types = [.. types.SelectMany(type => type.GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic).Prepend(type))];
        foreach (var type in types)
        {
            foreach (var method in type.GetMethods(All))
            {
                if (method.IsAbstract || method.ContainsGenericParameters) continue;
                try
                {
                    if ((method.Attributes & MethodAttributes.PinvokeImpl) != 0) Marshal.Prelink(method);
                    else Compile(method.MethodHandle);
                }
                catch (Exception e) when (e is ArgumentException or EntryPointNotFoundException or DllNotFoundException or InvalidOperationException)
                {
                    // Warming up is an optimisation; the first call will do the work instead.
                }
            }
        }
    }

    /// <summary>
    /// Compiles one method now. <c>PrepareMethod</c> alone returns without compiling a method that implements an
    /// interface (measured on .NET 10: <c>MidiOutput.Send</c>, <c>StopwatchClock.WaitUntil</c>), so the clock
    /// thread compiled the sink's <c>Send</c> at the first note, 0.5 to 0.7 ms late; asking for the method's
    /// entry point first makes <c>PrepareMethod</c> compile it.
    /// </summary>
    private static void Compile(RuntimeMethodHandle method)
    {
        _ = method.GetFunctionPointer();
        RuntimeHelpers.PrepareMethod(method);
    }
}
