using System.Runtime.CompilerServices;
using Antlr4.Runtime;

namespace SeqLang.Syntax.Tests.Support;

/// <summary>
/// Holds a hand-written lexer to the lexer ANTLR generates from the grammar: the same tokens (type, channel,
/// offsets, line, column, text) up to and including end of file.
/// </summary>
internal static class TokenComparison
{
    public static void AssertSameTokens(Lexer reference, ITokenSource subject, string text, string where)
    {
        reference.RemoveErrorListeners();
        var expected = Tokens(reference);
        var actual = Tokens(subject);
        for (var i = 0; i < Math.Max(expected.Count, actual.Count); i++)
        {
            var e = i < expected.Count ? expected[i] : "(none)";
            var a = i < actual.Count ? actual[i] : "(none)";
            if (e != a) Assert.Fail($"{where}: token {i} of {Escape(text.Length > 200 ? text[..200] + "..." : text)}: expected {e}, got {a}");
        }
    }

    /// <summary>Random text made of <paramref name="pieces"/>, the characters and words where rules meet.</summary>
    public static IEnumerable<string> RandomTexts(string[] pieces, int count, int seed)
    {
        var random = new Random(seed);
        var text = new System.Text.StringBuilder();
        for (var run = 0; run < count; run++)
        {
            text.Clear();
            var length = random.Next(1, 40);
            for (var i = 0; i < length; i++) text.Append(pieces[random.Next(pieces.Length)]);
            yield return text.ToString();
        }
    }

    /// <summary>Every .seq file of the repository outside build output.</summary>
    public static List<string> RepositorySeqFiles()
    {
        var root = RepositoryRoot;
        var separator = Path.DirectorySeparatorChar;
        return Directory.EnumerateFiles(root, "*.seq", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{separator}bin{separator}") && !f.Contains($"{separator}obj{separator}")
                && !f.Contains($"{separator}artifacts{separator}") && !f.Contains("node_modules"))
            .ToList();
    }

    public static string RepositoryRoot { get; } = RootAbove();

    private static string RootAbove([CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", ".."));

    private static List<string> Tokens(ITokenSource source)
    {
        var tokens = new List<string>();
        while (true)
        {
            var token = source.NextToken();
            tokens.Add($"{token.Type}/{token.Channel} {token.StartIndex}..{token.StopIndex} {token.Line}:{token.Column} {Escape(token.Text)}");
            if (token.Type == TokenConstants.EOF) return tokens;
        }
    }

    private static string Escape(string text) => text.Replace("\r", "\\r").Replace("\n", "\\n");
}
