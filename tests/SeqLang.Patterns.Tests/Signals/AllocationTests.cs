using SeqLang.Core.Time;
using SeqLang.Patterns.Signals;
using SeqLang.Patterns.Tests.Support;

namespace SeqLang.Patterns.Tests.Signals;

/// <summary>A 10,000-bar render evaluates signals once per event, so evaluating one must not allocate.</summary>
public sealed class AllocationTests
{
    [Fact]
    public void Evaluating_signals_allocates_nothing()
    {
        Evaluate(100);   // first calls JIT-compile; only steady-state calls are measured
        var before = GC.GetAllocatedBytesForCurrentThread();
        Evaluate(10_000);
        Allocations.AssertNone(GC.GetAllocatedBytesForCurrentThread() - before, 10_000 * (Shapes.Length + 5), "evaluating signals");
    }

    private static readonly SignalShape[] Shapes = Enum.GetValues<SignalShape>();

    private static long Evaluate(int count)
    {
        var sum = 0L;
        for (var k = 0; k < count; k++)
        {
            var x = new Rational(k, 48);
            foreach (var shape in Shapes) sum += SignalShapes.Of(shape, x).Raw;
            sum += SignalShapes.Of(SignalShape.Sine, new Rational(k, 1_000_003)).Raw;
            sum += SignalShapes.Perlin(7, 1, x).Raw + SignalShapes.Random(7, 2, x).Raw + SignalShapes.VanDerCorput(k).Raw;
            sum += SignalShapes.Ease(SignalShapes.Of(SignalShape.Saw, x), Easing.InOut).Raw;
        }
        return sum;
    }
}
