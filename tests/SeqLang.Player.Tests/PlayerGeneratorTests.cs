using SeqLang.Player.Tests.Support;

namespace SeqLang.Player.Tests;

/// <summary>
/// Generators (SPEC §15) play as they render: the player reads the same event stream, whose value generators walk
/// from bar 0 with checkpoints and whose automata answer from their cycles, so every message of the generator
/// examples arrives as the rendered file has it, on a virtual clock.
/// </summary>
public sealed class PlayerGeneratorTests
{
    [Theory]
    [InlineData("evolving-techno.seq")]
    [InlineData("narmour-melody.seq")]
    [InlineData("life-and-turing.seq")]
    public void The_generator_examples_play_as_they_render(string name)
    {
        PlayerOrderTests.PlaysAsRendered(Expected.Compile(Path.Combine(Repository.Examples, name)), bars: 24);
    }
}
