using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace SeqLang.Compiler.Tests;

/// <summary>A page of docs/ as the docs tests read it: its text and its runnable ```seq examples.</summary>
internal sealed class DocsPage
{
    public DocsPage(string name) =>
        Text = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", name)).ReplaceLineEndings("\n");

    public string Text { get; }

    public List<string> Examples() =>
        Regex.Matches(Text, "```seq\n(.*?)```", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToList();

    /// <summary>One index per example, for a theory over them.</summary>
    public TheoryData<int> ExampleIndexes()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < Examples().Count; i++) data.Add(i);
        return data;
    }

    private static string RepositoryRoot([CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", ".."));
}
