using System.Reflection;
using SeqLang.Cli.Tests.Support;

namespace SeqLang.Cli.Tests;

/// <summary>
/// The native program (<c>dotnet publish src/SeqLang.Cli -c Release -r linux-x64</c>, named by <c>SEQ_NATIVE</c>)
/// is what ships: it must write the same bytes as the command tree these tests run in-process.
/// </summary>
public class NativeBuildTests
{
    private const int Bars = 16;

    public static IEnumerable<object[]> Examples() => ExampleTests.Examples();

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_example_renders_byte_identically_to_the_in_process_build(string name)
    {
        var path = Path.Combine(Repository.Examples, name);
        var folder = SeqRun.TempDirectory();
        var inProcess = Path.Combine(folder, "in-process.mid");
        var native = Path.Combine(folder, "native.mid");
        var a = SeqRun.InProcess("render", path, "-o", inProcess, "--bars", Bars.ToString());
        var b = SeqRun.Native("render", path, "-o", native, "--bars", Bars.ToString());
        Assert.True(a.ExitCode == 0, a.Error);
        Assert.True(b.ExitCode == 0, b.Error);
        Assert.Equal(File.ReadAllBytes(inProcess), File.ReadAllBytes(native));
        Assert.Equal(a.Error.Replace(inProcess, "OUT"), b.Error.Replace(native, "OUT"));
    }

    [Fact]
    public void The_native_program_is_one_file_under_15_MB()
    {
        var program = new FileInfo(SeqUnderTest.Native);
        Assert.True(program.Length < 15 << 20, $"{program.FullName} is {program.Length:N0} bytes");
        // Nothing beside it is needed to run: no managed assemblies, no runtime configuration.
        var beside = program.Directory!.GetFiles().Where(f => f.Name != program.Name && f.Extension is ".dll" or ".json").Select(f => f.Name).ToList();
        Assert.Empty(beside);
    }

    [Fact]
    public void The_native_program_checks_and_reports_like_the_in_process_build()
    {
        var bad = Path.Combine(SeqRun.TempDirectory(), "bad.seq");
        File.WriteAllText(bad, "tempo 120\ntrack drums channel 10 {\n  kick \"x ~ [x\"\n}\n");
        var a = SeqRun.InProcess("check", bad, "--json");
        var b = SeqRun.Native("check", bad, "--json");
        Assert.Equal(1, b.ExitCode);
        Assert.Equal(a, b);
        var version = typeof(SeqCommandLine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        Assert.Equal(version + "\n", SeqRun.Native("--version").Out);
    }
}
