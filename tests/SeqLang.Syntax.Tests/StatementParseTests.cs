using Antlr4.Runtime;
using Antlr4.Runtime.Atn;
using Antlr4.Runtime.Misc;
using SeqLang.Syntax.Generated;
using SeqLang.Syntax.Tests.Support;
using static SeqLang.Syntax.Tests.Support.TokenComparison;

namespace SeqLang.Syntax.Tests;

/// <summary>
/// <see cref="SeqParser"/> parses a file one statement at a time; the file rule parsed whole is the reference. Every
/// .seq file in the repository and thousands of their mutations (lines dropped, doubled, swapped, words cut) give
/// the same AST both ways, and no file the file rule refuses is accepted statement by statement.
/// </summary>
public sealed class StatementParseTests
{
    [Fact]
    public void Every_seq_file_in_the_repository_parses_as_the_file_rule_parses_it()
    {
        var files = RepositorySeqFiles();
        Assert.True(files.Count > 100, $"only {files.Count} .seq files found");
        var parsed = 0;
        foreach (var file in files)
        {
            if (Agreement(File.ReadAllText(file), file)) parsed++;
        }
        Assert.True(parsed > files.Count / 2, $"only {parsed} of {files.Count} files parsed without error");
        Assert.True(ReadByHand > parsed / 2, $"the hand-written parser read only {ReadByHand} of {parsed} files");
    }

    [Fact]
    public void Mutated_files_parse_as_the_file_rule_parses_them()
    {
        var files = RepositorySeqFiles();
        var random = new Random(20261207);
        var (agreed, refused) = (0, 0);
        for (var run = 0; run < 3000; run++)
        {
            var path = files[random.Next(files.Count)];
            var lines = File.ReadAllLines(path).ToList();
            if (lines.Count < 2) continue;
            for (var edits = random.Next(1, 4); edits > 0; edits--)
            {
                var at = random.Next(lines.Count);
                switch (random.Next(4))
                {
                    case 0: lines.RemoveAt(at); break;
                    case 1: lines.Insert(at, lines[random.Next(lines.Count)]); break;
                    case 2: (lines[at], lines[^1]) = (lines[^1], lines[at]); break;
                    default:
                        var words = lines[at].Split(' ');
                        lines[at] = string.Join(' ', words.Take(random.Next(words.Length + 1)));
                        break;
                }
                if (lines.Count == 0) break;
            }
            if (Agreement(string.Join('\n', lines), $"{path}, mutation {run}")) agreed++;
            else refused++;
        }
        Assert.True(agreed > 500 && refused > 500, $"{agreed} mutations parsed, {refused} refused: too few of one kind to compare");
        Assert.True(ReadByHand > agreed / 2, $"the hand-written parser read only {ReadByHand} of {agreed} mutations that parsed");
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    [InlineData("// only a comment\n")]
    [InlineData("tempo 120")]
    [InlineData("\n tempo 120 \n\n seed 3 \n")]
    [InlineData("tempo 120 seed 3")]
    [InlineData("foo bar {")]
    [InlineData("track a { play \"c\" }\ntrack b { play \"d\" } tempo 9")]
    public void Edge_cases_parse_as_the_file_rule_parses_them(string text) => Agreement(text, "edge case");

    /// <summary>How many of the files that parsed the hand-written parser read too (the rest it leaves to ANTLR).</summary>
    private int ReadByHand;

    /// <summary>True when the file parsed; false when both ways refused it.</summary>
    private bool Agreement(string text, string where)
    {
        var (byStatement, byStatementError) = ReferenceParse.ByStatement(text);
        var (whole, wholeError) = ReferenceParse.WholeFile(text);
        if (whole is null)
        {
            Assert.True(byStatement is null, $"{where}: the file rule refuses it ({wholeError}), statement by statement it parsed");
            Assert.True(ReferenceParse.ByHand(text) is null, $"{where}: the file rule refuses it ({wholeError}), the hand-written parser read it");
            return false;
        }
        Assert.True(byStatement is not null, $"{where}: the file rule parses it, statement by statement it failed ({byStatementError})");
        var expected = AstDump.Of(whole);
        SameDump(expected, AstDump.Of(byStatement), where + ", statement by statement");
        if (ReferenceParse.ByHand(text) is { } byHand)
        {
            ReadByHand++;
            SameDump(expected, AstDump.Of(byHand), where + ", by hand");
        }
        return true;
    }

    /// <summary>Fails with the lines around the first difference of two dumps.</summary>
    private static void SameDump(string expected, string actual, string where)
    {
        if (expected == actual) return;
        var (e, a) = (expected.Split('\n'), actual.Split('\n'));
        var at = 0;
        while (at < e.Length && at < a.Length && e[at] == a[at]) at++;
        string Around(string[] lines) => string.Join("\n", lines.Skip(Math.Max(0, at - 12)).Take(16));
        Assert.Fail($"{where}: the ASTs differ at line {at}\n--- file rule:\n{Around(e)}\n--- this way:\n{Around(a)}");
    }
}
