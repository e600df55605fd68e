using SeqLang.Compiler.Harmony;

namespace SeqLang.Compiler.Tests.Harmony;

/// <summary>The styles as test data, shared by the harmony test classes.</summary>
public static class StyleData
{
    public static TheoryData<string> StyleNames()
    {
        var data = new TheoryData<string>();
        foreach (var style in HarmonyStyles.All) data.Add(style.Name);
        return data;
    }

    public static HarmonyStyle Style(string name) => HarmonyStyles.TryGet(name, out var style) ? style : throw new ArgumentException(name);
}
