using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SeqLang.Player;

/// <summary>
/// Compiles the clock thread's code, and binds its P/Invokes, before playback starts. The CLI runs without
/// tiered compilation, so a method's first call would be a full JIT on the clock thread, during the
/// first bar (see <see cref="Compile"/> for the case <c>PrepareMethod</c> alone misses).
/// </summary>
internal static class Warmup
{
    private const BindingFlags All = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    /// <summary>As <see cref="Prepare(Type[])"/>, with the types' nested types too (their lambdas' closures, their parts).</summary>
    public static void PrepareWithNested(params Type[] types) =>
        Prepare([.. types.SelectMany(type => type.GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic).Prepend(type))]);

    /// <summary>Compiles the method a delegate calls (a handler given to code that calls it on another thread).</summary>
    public static void Prepare(Delegate handler)
    {
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
